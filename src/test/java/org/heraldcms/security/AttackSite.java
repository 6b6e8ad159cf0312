package org.heraldcms.security;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.heraldcms.content.Entries;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.migration.Backups;
import org.heraldcms.site.Sections;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real Herald (demo site) to attack: one signed-in client per role, an author's and an editor's entry,
 * an uploaded image, secret files planted next to (not inside) the media folder, and a canary table
 * whose rows must survive every attack.
 */
final class AttackSite implements AutoCloseable {

    static final String PASSWORD = "correct horse battery";
    static final List<String> ROLES = List.of("admin", "editor", "author", "translator");
    static final String ANONYMOUS = "anonymous";
    static final int CANARY_ROWS = 3;

    final RunningHerald herald;
    final Path root;
    final Path dataDir;
    final String secret = "HERALD-SECRET-" + UUID.randomUUID();
    final Map<String, AdminClient> clients = new LinkedHashMap<>();
    final List<Path> secretFiles = new ArrayList<>();
    final long sectionId;
    final long editorEntry;
    final long authorEntry;
    final long victimId;
    final String mediaName;

    private AttackSite(Path root, String... properties) {
        this.root = root;
        this.dataDir = root.resolve("data");
        try {
            Files.createDirectories(dataDir.resolve("themes/default"));
            for (Path file : List.of(root.resolve("secret.txt"), dataDir.resolve("secret.txt"),
                    dataDir.resolve("themes/default/secret.txt"), dataDir.resolve("themes/secret.txt"))) {
                Files.writeString(file, secret);
                secretFiles.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        herald = RunningHerald.start(dataDir, properties);
        JdbcClient jdbc = herald.bean(JdbcClient.class);
        jdbc.sql("CREATE TABLE canary (id BIGINT PRIMARY KEY, note VARCHAR(100) NOT NULL)").update();
        for (int i = 1; i <= CANARY_ROWS; i++) {
            jdbc.sql("INSERT INTO canary (id, note) VALUES (?, ?)").params(i, "tweet " + i).update();
        }
        Users users = herald.bean(Users.class);
        for (String role : ROLES) {
            users.add(role + "1", null, Role.of(role), PASSWORD.toCharArray(), Optional.empty());
        }
        victimId = users.add("victim", null, Role.AUTHOR, PASSWORD.toCharArray(), Optional.empty()).id();
        sectionId = herald.bean(Sections.class).byPath("en", "news").orElseThrow().id();
        Entries entries = herald.bean(Entries.class);
        editorEntry = entries.save(EntryDraft.of("en", sectionId, "Editor's draft", "<p>x</p>", "Ed", null,
                EntryStatus.DRAFT), "editor1").id();
        authorEntry = entries.save(EntryDraft.of("en", sectionId, "Author's draft", "<p>y</p>", "Au", null,
                EntryStatus.DRAFT), "author1").id();
        mediaName = herald.bean(MediaLibrary.class).store("pixel.png", png(), "admin1").storedName();
        for (String role : ROLES) {
            clients.put(role, AdminClient.signedIn(herald, role + "1", PASSWORD));
        }
        clients.put(ANONYMOUS, new AdminClient(herald));
    }

    static AttackSite start(Path root, String... properties) {
        return new AttackSite(root, properties);
    }

    /** Rows per table (every backed-up table and the canary): what an attack must not change. */
    Map<String, Long> tableCounts() {
        JdbcClient jdbc = herald.bean(JdbcClient.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : Backups.TABLES) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        counts.put("canary", jdbc.sql("SELECT COUNT(*) FROM canary").query(Long.class).single());
        return counts;
    }

    long canaryRows() {
        return herald.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM canary WHERE note LIKE 'tweet %'")
                .query(Long.class).single();
    }

    /** Whether an answer gives away something it never should: a planted secret, system files, hashes, SQL errors. */
    String leak(String answer) {
        for (String sign : List.of(secret, "root:x:0:0", "SQLite format 3", "$2a$", "password_hash", "SQLITE_",
                "SQLException", "PSQLException", "syntax error", "org.springframework.jdbc", "at org.heraldcms.",
                "[boot]", "[extensions]")) {
            if (answer != null && answer.contains(sign)) {
                return sign;
            }
        }
        return null;
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        herald.close();
    }
}
