package org.heraldcms.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryCard;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.text.Html;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Loads a generated benchmark corpus (see bench/README.md): one JSON object a line with
 * {@code key, lang, title, paragraphs, date, tags}; lines with the same key are
 * translations of each other. Everything goes into the first news section.
 */
@Command(name = "bench-load", hidden = true, description = "Load a generated benchmark corpus (NDJSON) as published news.")
class BenchLoadCommand implements Callable<Integer> {

    private static final int BATCH = 500;

    @ParentCommand
    HeraldCommand herald;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE")
    Path file;

    @picocli.CommandLine.Option(names = "--touch-one", description = "instead of loading, change the title of the newest entry")
    boolean touchOne;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = Contexts.offline(herald)) {
            Entries entries = context.getBean(Entries.class);
            Section news = context.getBean(Sections.class).all().stream().filter(s -> s.kind() == SectionKind.NEWS)
                    .findFirst().orElseThrow(() -> new IllegalStateException("The site has no news section"));
            if (touchOne) {
                EntryCard newest = entries.latestPublished("en", List.of(news.id()), false, 1).get(0);
                Entry entry = entries.find(newest.id()).orElseThrow();
                entries.save(EntryDraft.from(entry).withTitle(entry.title() + " (updated)"), "bench");
                return 0;
            }
            TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
            ObjectMapper json = new ObjectMapper();
            Map<Long, Long> firstOfKey = new HashMap<>();
            long started = System.nanoTime();
            int loaded = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<JsonNode> batch = new ArrayList<>(BATCH);
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        batch.add(json.readTree(line));
                    }
                    if (batch.size() == BATCH) {
                        loaded += save(batch, entries, news, transaction, firstOfKey);
                    }
                }
                loaded += save(batch, entries, news, transaction, firstOfKey);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("loaded %d entries in %.1f s%n", loaded, (System.nanoTime() - started) / 1e9);
            out.flush();
        }
        return 0;
    }

    private static int save(List<JsonNode> batch, Entries entries, Section news, TransactionTemplate transaction,
                            Map<Long, Long> firstOfKey) {
        transaction.executeWithoutResult(status -> {
            for (JsonNode item : batch) {
                long key = item.get("key").asLong();
                List<String> paragraphs = new ArrayList<>();
                item.get("paragraphs").forEach(p -> paragraphs.add(p.asString()));
                List<String> tags = new ArrayList<>();
                item.get("tags").forEach(t -> tags.add(t.asString()));
                EntryDraft draft = EntryDraft.of(item.get("lang").asString(), news.id(), item.get("title").asString(),
                        Html.paragraphs(paragraphs), "bench", Instant.parse(item.get("date").asString()),
                        EntryStatus.PUBLISHED).withTags(tags);
                Long first = firstOfKey.get(key);
                Entry saved = entries.save(first == null ? draft : draft.translating(first), "bench");
                firstOfKey.putIfAbsent(key, saved.id());
            }
        });
        int n = batch.size();
        batch.clear();
        return n;
    }
}
