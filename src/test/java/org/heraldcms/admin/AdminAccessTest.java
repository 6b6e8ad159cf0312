package org.heraldcms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heraldcms.content.Entries;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.site.Sections;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every admin route walked as every role and as an anonymous visitor, against the role table;
 * and every admin POST refused without its CSRF token.
 */
class AdminAccessTest {

    static final String PASSWORD = "correct horse battery";
    static final List<String> ROLES = List.of("admin", "editor", "author", "translator");

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static long entryId;
    static long userId;
    static final Map<String, AdminClient> clients = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir);
        Users users = herald.bean(Users.class);
        for (String role : ROLES) {
            users.add(role + "1", null, Role.of(role), PASSWORD.toCharArray(), Optional.empty());
        }
        userId = users.add("victim", null, Role.AUTHOR, PASSWORD.toCharArray(), Optional.empty()).id();
        long section = herald.bean(Sections.class).all().stream().filter(s -> s.in("en").isPresent()).findFirst()
                .orElseThrow().id();
        entryId = herald.bean(Entries.class).save(EntryDraft.of("en", section, "Access walk", "<p>x</p>", "Ed",
                null, EntryStatus.DRAFT), "editor1").id();
        for (String role : ROLES) {
            clients.put(role, AdminClient.signedIn(herald, role + "1", PASSWORD));
        }
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    /** path → the roles that get 200; everyone else signed in gets 403, anonymous visitors go to the login page. */
    static Map<String, List<String>> getRoutes() {
        Map<String, List<String>> table = new LinkedHashMap<>();
        table.put("/admin/", ROLES);
        table.put("/admin", ROLES);
        table.put("/admin/entries", ROLES);
        table.put("/admin/entries?status=review&sort=title&q=a%25_", ROLES);
        table.put("/admin/entries/new", List.of("admin", "editor", "author"));
        table.put("/admin/entries/" + entryId, ROLES);
        table.put("/admin/entries/" + entryId + "/revisions", ROLES);
        table.put("/admin/entries/" + entryId + "/translate?language=zh", List.of("admin", "editor", "translator"));
        table.put("/admin/password", ROLES);
        table.put("/admin/two-factor", ROLES);
        table.put("/admin/media", List.of("admin", "editor", "author"));
        table.put("/admin/users", List.of("admin"));
        table.put("/admin/audit", List.of("admin"));
        table.put("/admin/sections", List.of("admin"));
        table.put("/admin/settings", List.of("admin"));
        table.put("/admin/forms", List.of("admin", "editor"));
        table.put("/admin/members", List.of("admin"));
        table.put("/admin/backups", List.of("admin"));
        table.put("/admin/import", List.of("admin"));
        table.put("/admin/entries/" + entryId + "/images", ROLES); // section kinds: a gallery's images (edits: who may edit)
        table.put("/admin/no-such-page", List.of());
        table.put("/admin/entries/" + entryId + "/nothing", List.of());
        return table;
    }

    @Test
    void everyAdminPageAnswersEachRoleAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        getRoutes().forEach((path, allowed) -> {
            HttpResponse<String> anonymous = herald.get(path);
            if (anonymous.statusCode() != 302
                    || !anonymous.headers().firstValue("Location").orElse("").endsWith("/admin/login")) {
                wrong.add("anonymous " + path + " -> " + anonymous.statusCode());
            }
            for (String role : ROLES) {
                int status = clients.get(role).get(path).statusCode();
                int expected = allowed.contains(role) ? 200 : 403;
                if (path.endsWith("/nothing")) {
                    expected = 404; // allowed by the route table, but no page there
                }
                if (status != expected) {
                    wrong.add(role + " " + path + " -> " + status + " (expected " + expected + ")");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void bulkActionsAndAccountsAreForTheirRolesOnly() {
        for (String role : ROLES) {
            HttpResponse<String> bulk = clients.get(role).post("/admin/entries/bulk", true, "action", "archive",
                    "id", String.valueOf(entryId));
            assertThat(bulk.statusCode()).as(role).isEqualTo(role.equals("admin") || role.equals("editor") ? 303 : 403);
            HttpResponse<String> add = clients.get(role).post("/admin/users", true, "username", "new-" + role,
                    "role", "admin", "password", PASSWORD);
            assertThat(add.statusCode()).as(role).isEqualTo(role.equals("admin") ? 303 : 403);
        }
    }

    @Test
    void mediaIsDeletedByEditorsAndAdminsOnly() {
        for (String role : ROLES) {
            int status = clients.get(role).post("/admin/media/424242/delete", true).statusCode();
            // 400: allowed, and told there is no such file; 403: not this role's to do
            assertThat(status).as(role).isEqualTo(role.equals("admin") || role.equals("editor") ? 400 : 403);
        }
        assertThat(new AdminClient(herald).post("/admin/media/424242/delete", false).statusCode()).isIn(302, 403);
    }

    @Test
    void theEditorsScriptsAreServedAndThePolicyStaysStrict() {
        HttpResponse<String> editor = clients.get("editor").get("/admin/entries/new");
        assertThat(editor.body()).contains("<textarea name=\"body\"", "src=\"/admin/assets/tinymce/tinymce.min.js\"",
                "src=\"/admin/assets/editor.js\"");
        assertThat(editor.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-eval", "unsafe-inline"));
        for (String asset : List.of("/admin/assets/editor.js", "/admin/assets/tinymce/tinymce.min.js",
                "/admin/assets/tinymce/themes/silver/theme.min.js", "/admin/assets/tinymce/plugins/lists/plugin.min.js",
                "/admin/assets/tinymce/skins/ui/oxide/skin.min.css")) {
            HttpResponse<String> answer = herald.get(asset);
            assertThat(answer.statusCode()).as(asset).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(asset).containsAnyOf("javascript", "css");
        }
        assertThat(herald.get("/admin/assets/tinymce/../../../application.properties").statusCode()).isNotEqualTo(200);
        assertThat(herald.get("/webjars/tinymce/6.8.3/tinymce.min.js").statusCode()).isEqualTo(404);
    }

    @Test
    void bulkActionsValidateEveryId() {
        AdminClient editor = clients.get("editor");
        assertThat(editor.post("/admin/entries/bulk", true, "action", "publish", "id", String.valueOf(entryId), "id",
                "1 OR 1=1").statusCode()).isEqualTo(400);
        assertThat(editor.post("/admin/entries/bulk", true, "action", "publish", "id", "999").statusCode())
                .isEqualTo(400);
        assertThat(editor.post("/admin/entries/bulk", true, "action", "drop table", "id", String.valueOf(entryId))
                .statusCode()).isEqualTo(400);
        assertThat(editor.get("/admin/entries?sort=title%3BDROP%20TABLE%20entry").statusCode()).isEqualTo(200);
        assertThat(editor.get("/admin/entries/abc").statusCode()).isEqualTo(400);
    }

    @Test
    void everyAdminPostWithoutCsrfTokenIsRefused() {
        List<String> posts = List.of("/admin/login", "/admin/logout", "/admin/setup", "/admin/entries/new",
                "/admin/entries/" + entryId, "/admin/entries/" + entryId + "/translate",
                "/admin/entries/" + entryId + "/revisions/1/restore", "/admin/entries/bulk", "/admin/users",
                "/admin/users/" + userId, "/admin/password", "/admin/sections", "/admin/sections/1/rename",
                "/admin/sections/1/order", "/admin/sections/1/move", "/admin/sections/1/delete",
                "/admin/settings/zone", "/admin/settings/languages/en", "/admin/media", "/admin/media/1/delete",
                "/admin/forms/1/fields", "/admin/forms/submissions/1/reply", "/admin/members", "/admin/members/groups",
                "/admin/members/sections/1", "/admin/backups", "/admin/import/wxr", "/admin/import/capture", "/admin/two-factor", "/admin/two-factor/off",
                "/admin/two-factor/recovery-codes",
                "/admin/entries/" + entryId + "/images", "/admin/entries/" + entryId + "/images/1");
        long revisions = herald.bean(Entries.class).revisions(entryId).size();
        for (String path : posts) {
            HttpResponse<String> answer = clients.get("admin").post(path, false, "title", "changed", "status",
                    "published", "section", "1", "language", "en", "action", "publish", "id", String.valueOf(entryId),
                    "username", "csrf-victim", "role", "admin", "password", PASSWORD, "current", PASSWORD,
                    "repeat", PASSWORD);
            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertThat(new AdminClient(herald).post(path, false, "username", "admin1", "password", PASSWORD)
                    .statusCode()).as("anonymous " + path).isIn(302, 403);
        }
        assertThat(herald.bean(Entries.class).revisions(entryId)).hasSize((int) revisions);
        assertThat(herald.bean(Users.class).find("csrf-victim")).isEmpty();
        assertThat(clients.get("admin").get("/admin/").statusCode()).isEqualTo(200); // still signed in
    }

    @Test
    void noRoleCanGrantARoleAboveItsOwn() {
        Users users = herald.bean(Users.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.add("sneaky", null, Role.ADMIN,
                PASSWORD.toCharArray(), Optional.of(Role.EDITOR))).hasMessageContaining("cannot");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.changeRole(userId, Role.EDITOR, true,
                Role.AUTHOR)).hasMessageContaining("cannot");
        assertThat(users.find("sneaky")).isEmpty();
    }

    @Test
    void thePublicSiteStaysPublicWithoutASession() {
        HttpResponse<String> home = herald.get("/en/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).contains("script-src 'self'"));
        HttpResponse<String> login = herald.get("/admin/login");
        assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(c ->
                assertThat(c).contains("HttpOnly", "SameSite=Lax"));
        assertThat(login.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(herald.get("/admin/setup").statusCode()).isEqualTo(404);
    }
}
