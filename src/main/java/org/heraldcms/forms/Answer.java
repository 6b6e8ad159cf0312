package org.heraldcms.forms;

/** One answer of a submission, with the field's label as it read when the visitor sent it. */
public record Answer(int position, FieldType type, String label, String value) {
}
