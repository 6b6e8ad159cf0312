package org.heraldcms.publishing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;

/**
 * Finds a theme template by name: the data folder's override first, then the built-in theme.
 * The cache key is the bare name, so looking up an already compiled template (which Pebble
 * does for every {@code include} and {@code extends} while rendering) touches neither the
 * disk nor the jar.
 */
final class ThemeLoader implements Loader<String> {

    private static final String SUFFIX = ".peb";

    private final Path override;
    private final String builtIn;

    /** @param override the override folder, or null; @param builtIn the classpath folder of the built-in theme */
    ThemeLoader(Path override, String builtIn) {
        this.override = override == null ? null : override.toAbsolutePath().normalize();
        this.builtIn = builtIn;
    }

    @Override
    public Reader getReader(String name) {
        Path file = overrideFile(name);
        try {
            if (file != null) {
                return Files.newBufferedReader(file, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InputStream in = ThemeLoader.class.getClassLoader().getResourceAsStream(builtIn + "/" + name + SUFFIX);
        if (in == null) {
            throw new LoaderException(null, "No template named \"" + name + "\" in the theme");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public boolean resourceExists(String name) {
        return overrideFile(name) != null
                || ThemeLoader.class.getClassLoader().getResource(builtIn + "/" + name + SUFFIX) != null;
    }

    @Override
    public String createCacheKey(String name) {
        return name;
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        return relativePath; // theme templates refer to each other by bare name
    }

    @Override
    public void setCharset(String charset) {
        // always UTF-8
    }

    @Override
    public void setPrefix(String prefix) {
        // fixed by the constructor
    }

    @Override
    public void setSuffix(String suffix) {
        // always .peb
    }

    /** The override file for a template name, if there is one; names that would leave the folder have none. */
    private Path overrideFile(String name) {
        if (override == null || !name.matches("[a-z0-9_-]+(/[a-z0-9_-]+)*")) {
            return null;
        }
        Path file = override.resolve(name + SUFFIX).normalize();
        return file.startsWith(override) && Files.isRegularFile(file) ? file : null;
    }
}
