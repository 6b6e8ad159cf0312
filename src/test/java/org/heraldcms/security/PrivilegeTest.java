package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.heraldcms.content.Entries;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.support.AdminClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md 8 — privilege escalation between roles and insecure direct object references: each
 * attempt goes over HTTP with a valid session and CSRF token, names a real object by its id, and is
 * refused; the object is unchanged afterwards.
 */
class PrivilegeTest {

    @TempDir
    static Path root;
    static AttackSite site;

    @BeforeAll
    static void start() {
        site = AttackSite.start(root);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static String[] entryFields(String title, String status) {
        return new String[] {"language", "en", "section", String.valueOf(site.sectionId), "title", title,
                "body", "<p>changed</p>", "status", status};
    }

    @Test
    void anAuthorCannotEditOrRestoreSomeoneElsesEntryNorPublishTheirOwn() {
        AdminClient author = site.clients.get("author");
        assertThat(author.post("/admin/entries/" + site.editorEntry, true, entryFields("Hijacked", "draft"))
                .statusCode()).isEqualTo(403);
        assertThat(author.post("/admin/entries/" + site.editorEntry + "/revisions/1/restore", true).statusCode())
                .isEqualTo(403);
        assertThat(author.post("/admin/entries/" + site.authorEntry, true, entryFields("Mine", "published"))
                .statusCode()).isEqualTo(403);
        assertThat(author.post("/admin/entries/bulk", true, "action", "publish", "id", String.valueOf(site.authorEntry))
                .statusCode()).isEqualTo(403);
        Entries entries = site.herald.bean(Entries.class);
        assertThat(entries.find(site.editorEntry).orElseThrow().title()).isEqualTo("Editor's draft");
        assertThat(entries.find(site.authorEntry).orElseThrow().status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(author.post("/admin/entries/" + site.authorEntry, true, entryFields("Mine, edited", "review"))
                .statusCode()).as("their own draft they may edit").isEqualTo(303);
    }

    @Test
    void aTranslatorTranslatesButNeitherCreatesNorPublishes() {
        AdminClient translator = site.clients.get("translator");
        assertThat(translator.post("/admin/entries/new", true, entryFields("New", "draft")).statusCode()).isEqualTo(403);
        String[] published = entryFields("Перевод", "published");
        published[1] = "ru";
        assertThat(translator.post("/admin/entries/" + site.editorEntry + "/translate", true, published).statusCode())
                .isEqualTo(403);
        assertThat(translator.post("/admin/entries/" + site.editorEntry, true, entryFields("Edited", "published"))
                .statusCode()).isEqualTo(403);
        assertThat(site.herald.bean(Entries.class).find(site.editorEntry).orElseThrow().status())
                .isEqualTo(EntryStatus.DRAFT);
    }

    @Test
    void anEditorManagesNeitherAccountsNorSettings() {
        AdminClient editor = site.clients.get("editor");
        assertThat(editor.post("/admin/users", true, "username", "editors-friend", "role", "admin", "password",
                AttackSite.PASSWORD).statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/users/" + site.victimId, true, "role", "admin", "enabled", "true").statusCode())
                .isEqualTo(403);
        assertThat(editor.post("/admin/settings/zone", true, "zone", "Asia/Tokyo").statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/sections", true, "kind", "news", "name_en", "Mine").statusCode()).isEqualTo(403);
        Users users = site.herald.bean(Users.class);
        assertThat(users.find("editors-friend")).isEmpty();
        assertThat(users.find(site.victimId).orElseThrow().role()).isEqualTo(Role.AUTHOR);
    }

    @Test
    void noOneChangesTheirOwnRoleAndNoRoleGrantsAboveItself() {
        AdminClient admin = site.clients.get("admin");
        long adminId = site.herald.bean(Users.class).find("admin1").orElseThrow().id();
        assertThat(admin.post("/admin/users/" + adminId, true, "role", "author", "enabled", "true").statusCode())
                .isEqualTo(400);
        for (Role actor : Role.values()) {
            assertThat(actor.canGrant(Role.ADMIN)).as(actor + " grants admin").isEqualTo(actor == Role.ADMIN);
            assertThat(actor.canGrant(Role.EDITOR)).as(actor + " grants editor").isEqualTo(actor.publishes());
        }
    }

    @Test
    void idsThatDoNotExistOrBelongElsewhereAreNotFoundNotGuessed() {
        AdminClient editor = site.clients.get("editor");
        for (String path : new String[] {"/admin/entries/999999999", "/admin/entries/-1", "/admin/entries/0",
                "/admin/entries/999999999/revisions"}) {
            assertThat(editor.get(path).statusCode()).as(path).isIn(400, 404);
        }
        assertThat(editor.post("/admin/entries/999999999", true, entryFields("x", "draft")).statusCode()).isIn(400, 404);
    }
}
