package org.heraldcms.publishing.internal;

import java.util.List;
import java.util.Map;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import org.heraldcms.text.RichText;
import org.springframework.context.MessageSource;

/**
 * What templates may use beyond Pebble's own: {@code t('key', args...)} for the message
 * bundles in the page's language, and {@code richtext} to output sanitised HTML.
 */
class ThemeExtension extends AbstractExtension {

    private final MessageSource messages;

    ThemeExtension(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("t", new Translate());
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("richtext", new RichTextFilter());
    }

    private final class Translate implements Function {
        @Override
        public List<String> getArgumentNames() {
            return null; // positional: key, then the message's arguments
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object[] values = new Object[args.size() - 1];
            for (int i = 1; i < args.size(); i++) {
                values[i - 1] = args.get(String.valueOf(i));
            }
            return messages.getMessage(String.valueOf(args.get("0")), values, context.getLocale());
        }
    }

    private static final class RichTextFilter implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                            int line) {
            return new SafeString(RichText.sanitize(input == null ? "" : input.toString()));
        }
    }
}
