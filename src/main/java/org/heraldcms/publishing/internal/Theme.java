package org.heraldcms.publishing.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.pebbletemplates.pebble.PebbleEngine;
import org.heraldcms.platform.HeraldProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The public theme's Pebble templates: {@code themes/NAME/templates/} in the data folder
 * first, so an operator can override any template, then the built-in theme in the jar.
 * Output is HTML-escaped unless a template says otherwise.
 */
@Component
public class Theme {

    private final PebbleEngine engine;

    Theme(HeraldProperties properties, MessageSource messages) {
        Path override = properties.themesDir().resolve(properties.theme()).resolve("templates");
        this.engine = new PebbleEngine.Builder()
                .loader(new ThemeLoader(Files.isDirectory(override) ? override : null, "themes/default/templates"))
                .extension(new ThemeExtension(messages))
                .strictVariables(false)
                .newLineTrimming(true)
                .build();
    }

    public String render(String template, Map<String, Object> model, Locale locale) {
        StringWriter out = new StringWriter(16 * 1024);
        try {
            engine.getTemplate(template).evaluate(out, model, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
