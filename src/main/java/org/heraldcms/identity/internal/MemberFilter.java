package org.heraldcms.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.heraldcms.identity.Member;
import org.heraldcms.identity.Members;
import org.heraldcms.site.SectionAccess;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a signed-in member's request see the sections of their group (through {@link SectionAccess})
 * and marks the answer private, so no cache between here and the member keeps it. It runs after the
 * page cache, which never serves or stores a request that carries a session.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class MemberFilter extends OncePerRequestFilter {

    /** The request attribute holding the signed-in {@link Member}, for the page frame. */
    static final String MEMBER = Members.SESSION_ATTRIBUTE;

    private final Members members;

    MemberFilter(Members members) {
        this.members = members;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.equals("/admin") || uri.startsWith("/admin/") || uri.startsWith("/theme/") || uri.startsWith("/media/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object id = session == null ? null : session.getAttribute(Members.SESSION_ATTRIBUTE);
        Member member = id instanceof Long memberId ? members.find(memberId).filter(Member::enabled).orElse(null) : null;
        if (member == null) {
            if (id != null) {
                session.removeAttribute(Members.SESSION_ATTRIBUTE);
            }
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        request.setAttribute(MEMBER, member);
        try (SectionAccess.Scope scope = SectionAccess.enter(member.groupId())) {
            chain.doFilter(request, response);
        }
    }
}
