package org.heraldcms.forms;

import java.util.Map;

/**
 * A visitor's answers checked against the form.
 *
 * @param values what the visitor typed, by field input name, to show again in the form
 * @param errors a message key per field input name ({@code form.error.required}, ...); empty when the input is good
 */
public record FormInput(Map<String, String> values, Map<String, String> errors) {

    public FormInput {
        values = Map.copyOf(values);
        errors = Map.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
