package org.heraldcms.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.lucene.document.Document;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.search.RebuildProgress;
import org.heraldcms.site.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import jakarta.annotation.PreDestroy;

/**
 * The Lucene index in {@code DATA/index/}: derived from the database, never the other way.
 * <p>
 * Every change reads the entry's current state from the database while holding one lock, so
 * whatever order changes arrive in, the last write is the newest state. An index that cannot
 * be opened (missing, corrupted, written by an older analysis) is rebuilt from the database.
 * {@link #reconcile()} compares the index with the database (entry id and last save) and
 * repairs the difference: what a crash between a database commit and the index commit leaves.
 */
@Component
public class SearchIndex {

    /** Raise when the analysis or the fields change: older indexes are then rebuilt at start-up. */
    static final String FORMAT = "1";
    private static final String FORMAT_KEY = "herald.index.format";
    /** More differences than this and reconciling entry by entry is slower than rebuilding. */
    private static final int FULL_REBUILD_ABOVE = 2_000;
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Path folder;
    private final Entries entries;
    private final SiteSettings site;
    private final Analyzer analyzer = Analyzers.perField();
    private final ReentrantLock lock = new ReentrantLock();
    private org.heraldcms.kinds.KindEntries kinds;
    private org.heraldcms.content.EntryExpiry expiry;

    /** Section kinds add searchable words (a document's symbol) and an expiry (a vacancy's closing). */
    @org.springframework.beans.factory.annotation.Autowired
    void setKinds(org.heraldcms.kinds.KindEntries kinds, org.heraldcms.content.EntryExpiry expiry) {
        this.kinds = kinds;
        this.expiry = expiry;
    }
    private volatile Directory directory;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;

    SearchIndex(HeraldProperties properties, Entries entries, SiteSettings site) {
        this.folder = properties.dataDir().resolve("index");
        this.entries = entries;
        this.site = site;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** Runs {@code work} with a searcher on the latest committed state. */
    public <T> T withSearcher(Function<IndexSearcher, T> work) {
        SearcherManager manager = open();
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return work.apply(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Brings one entry in line with the database: indexed if on the public site now, removed otherwise. */
    public void refresh(long entryId) {
        inLock(() -> {
            entries.find(entryId).filter(entries::isVisible).ifPresentOrElse(this::put, () -> remove(entryId));
            commit();
        });
    }

    /** Empties the index and fills it again from the database. */
    public long rebuild(RebuildProgress progress) {
        long[] done = {0};
        inLock(() -> {
            progress.started(entries.publishedVersions().size());
            writer.deleteAll();
            entries.forEachPublished(e -> {
                put(e);
                progress.indexed(++done[0]);
            });
            commit();
        });
        return done[0];
    }

    /** Repairs every difference between the index and the database; returns how many entries it touched. */
    public int reconcile() {
        int[] touched = {0};
        inLock(() -> {
            Map<Long, Instant> wanted = entries.publishedVersions();
            Map<Long, Long> held = indexedVersions();
            long differing = wanted.entrySet().stream().filter(e -> !Long.valueOf(e.getValue().toEpochMilli())
                    .equals(held.get(e.getKey()))).count();
            if (differing > FULL_REBUILD_ABOVE) {
                touched[0] = (int) rebuildUnlocked();
                log.info("Search index rebuilt from the database ({} entries differed): {} entries", differing, touched[0]);
                return;
            }
            for (Long id : held.keySet()) {
                if (!wanted.containsKey(id)) {
                    remove(id);
                    touched[0]++;
                }
            }
            for (Map.Entry<Long, Instant> e : wanted.entrySet()) {
                Long indexed = held.get(e.getKey());
                if (indexed == null || indexed != e.getValue().toEpochMilli()) {
                    entries.find(e.getKey()).filter(entries::isVisible).ifPresentOrElse(this::put, () -> remove(e.getKey()));
                    touched[0]++;
                }
            }
            if (touched[0] > 0) {
                commit();
                log.info("Search index brought in line with the database: {} entries re-indexed or removed", touched[0]);
            }
        });
        return touched[0];
    }

    /** Entry id → last save (epoch milliseconds) of everything the index holds. */
    public Map<Long, Long> indexedVersions() {
        return withSearcher(searcher -> {
            Map<Long, Long> versions = new HashMap<>();
            try {
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    NumericDocValues ids = leaf.reader().getNumericDocValues(EntryDocuments.ID_VALUE);
                    NumericDocValues updated = leaf.reader().getNumericDocValues(EntryDocuments.UPDATED);
                    Bits live = leaf.reader().getLiveDocs();
                    if (ids == null || updated == null) {
                        continue;
                    }
                    for (int doc = ids.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
                        if ((live == null || live.get(doc)) && updated.advanceExact(doc)) {
                            versions.put(ids.longValue(), updated.longValue());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return versions;
        });
    }

    /** Opens the index, rebuilding it from the database when it is missing, unreadable or of an older format. */
    SearcherManager open() {
        SearcherManager current = searchers;
        if (current != null) {
            return current;
        }
        lock.lock();
        try {
            if (searchers == null) {
                openOrRebuild();
            }
            return searchers;
        } finally {
            lock.unlock();
        }
    }

    private void openOrRebuild() {
        String problem = null;
        try {
            if (!Files.isDirectory(folder) || !exists(folder)) {
                problem = "there is no index yet";
            } else {
                openWriter();
                String format = writer.getLiveCommitData() == null ? null : liveCommitData().get(FORMAT_KEY);
                if (!FORMAT.equals(format)) {
                    problem = "the index was written by another version";
                } else {
                    indexedVersions();
                }
            }
        } catch (LockObtainFailedException e) {
            // no cause attached: the command line shows the innermost message, and this one says what to do
            throw new IndexInUse("The search index " + folder
                    + " is in use by another Herald process: stop the server first (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            problem = "the index cannot be read (" + e + ")";
        }
        if (problem == null) {
            return;
        }
        if (problem.startsWith("there is no index")) {
            log.info("Building the search index in {} from the database: {}", folder, problem);
        } else {
            log.warn("Rebuilding the search index in {} from the database: {}", folder, problem);
        }
        closeQuietly();
        try {
            FileSystemUtils.deleteRecursively(folder);
            Files.createDirectories(folder);
            openWriter();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the search index in " + folder, e);
        }
        long count = rebuildUnlocked();
        log.info("Search index rebuilt: {} entries", count);
    }

    private static boolean exists(Path folder) throws IOException {
        try (Directory existing = FSDirectory.open(folder)) {
            return DirectoryReader.indexExists(existing);
        }
    }

    private long rebuildUnlocked() {
        long[] done = {0};
        try {
            writer.deleteAll();
            entries.forEachPublished(e -> {
                put(e);
                done[0]++;
            });
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return done[0];
    }

    private Map<String, String> liveCommitData() {
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        return data;
    }

    private void openWriter() throws IOException {
        directory = FSDirectory.open(folder);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
    }

    private void put(Entry e) {
        try {
            Document d = EntryDocuments.of(e, site.current().timeZone());
            if (kinds != null) {
                EntryDocuments.addKind(d, e, kinds.searchableText(e.id()), expiry.of(e.id()).orElse(null));
            }
            writer.updateDocument(EntryDocuments.idTerm(e.id()), d);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void remove(long id) {
        try {
            writer.deleteDocuments(EntryDocuments.idTerm(id));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private void inLock(IndexWork work) {
        open();
        lock.lock();
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    @PreDestroy
    void close() {
        lock.lock();
        try {
            closeQuietly();
        } finally {
            lock.unlock();
        }
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.rollback(); // every change is committed as it is made; nothing half-done is kept
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the search index", e);
        } finally {
            searchers = null;
            writer = null;
            directory = null;
        }
    }

    @FunctionalInterface
    private interface IndexWork {
        void run() throws IOException;
    }
}
