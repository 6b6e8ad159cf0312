package org.heraldcms.forms;

import java.util.List;
import java.util.Map;

/**
 * A field of a form section, labelled per language.
 *
 * @param labels by language tag; a field without a label in a language falls back to any label it has
 */
public record FormField(long id, long sectionId, int position, FieldType type, boolean required,
                        Map<String, Label> labels) {

    public FormField {
        labels = Map.copyOf(labels);
    }

    /** The field's label and, for a select field, its choices, in one language. */
    public record Label(String text, List<String> options) {
        public Label {
            options = List.copyOf(options);
        }
    }

    public Label in(String language) {
        Label label = labels.get(language);
        if (label == null) {
            label = labels.values().stream().findFirst().orElse(new Label("#" + position, List.of()));
        }
        return label;
    }

    /** The name of the field's input in the public form. */
    public String inputName() {
        return "f" + id;
    }
}
