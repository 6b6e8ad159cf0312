package org.heraldcms.content;

public record Tag(String name, String slug) {
}
