package org.heraldcms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message the theme uses exists in every language's bundle, and no bundle has keys the others lack. */
class MessageBundlesTest {

    private static final List<String> LANGUAGES = List.of("en", "ru", "zh");
    private static final Pattern USED = Pattern.compile("t\\('([a-z0-9.]*[a-z0-9])'");

    @Test
    void everyBundleHasTheSameKeys() throws IOException {
        Set<String> reference = load("").stringPropertyNames();
        for (String language : LANGUAGES) {
            assertThat(load("_" + language).stringPropertyNames()).as(language).isEqualTo(reference);
        }
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> keys = load("").stringPropertyNames();
        Set<String> used = new HashSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/themes"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".peb")).toList()) {
                Matcher m = USED.matcher(Files.readString(template));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void templatesHaveNoHardCodedVisibleText() throws IOException {
        Pattern text = Pattern.compile(">\\s*([A-Za-z][A-Za-z ,.'!?]{2,})\\s*<");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/themes"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".peb")).toList()) {
                Matcher m = text.matcher(Files.readString(template));
                List<String> found = new java.util.ArrayList<>();
                while (m.find()) {
                    found.add(m.group(1));
                }
                assertThat(found).as("hard-coded text in " + template).isEmpty();
            }
        }
    }

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties")) {
            assertThat(in).as("bundle messages" + suffix).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
