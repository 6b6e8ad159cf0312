package org.heraldcms.admin.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.content.InvalidEntry;
import org.heraldcms.identity.InvalidAccount;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Bad input in the admin: a 400 page with the reason, escaped; never a stack trace. */
@ControllerAdvice(basePackageClasses = AdminErrors.class)
class AdminErrors {

    private final AdminView view;

    AdminErrors(AdminView view) {
        this.view = view;
    }

    @ExceptionHandler({InvalidEntry.class, InvalidAccount.class, IllegalArgumentException.class})
    ResponseEntity<String> invalid(RuntimeException e, HttpServletRequest request) {
        return view.page(HttpStatus.BAD_REQUEST, "problem", Map.of("problem", String.valueOf(e.getMessage())), request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<String> malformed(Exception e, HttpServletRequest request) {
        return view.page(HttpStatus.BAD_REQUEST, "problem", Map.of("problem", "The request is malformed."), request);
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<String> forbidden(Forbidden e, HttpServletRequest request) {
        return view.page(HttpStatus.FORBIDDEN, "problem", Map.of("problem", e.getMessage()), request);
    }
}
