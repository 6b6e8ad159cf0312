package org.heraldcms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.site.SiteSettings;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Site settings change what the public site shows at once; hostile text stays text. */
class SettingsAdminTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static AdminClient admin;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir);
        herald.bean(Users.class).add("root", null, Role.ADMIN, PASSWORD.toCharArray(), Optional.empty());
        admin = AdminClient.signedIn(herald, "root", PASSWORD);
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void languageSettingsReachThePublicSiteAtOnce() {
        assertThat(admin.post("/admin/settings/languages/ru", true, "siteName", "Вестник <script>alert(1)</script>",
                "tagline", "Новости", "footer", "© 2026", "seoDescription", "\" onmouseover=\"x", "enabled", "true")
                .statusCode()).isEqualTo(303);
        String home = herald.get("/ru/").body();
        assertThat(home).contains("Вестник &lt;script&gt;");
        HostileInputTest.assertInert("/ru/", Jsoup.parse(home));
        HostileInputTest.assertInert("/admin/settings", Jsoup.parse(admin.get("/admin/settings").body()));

        var off = admin.post("/admin/settings/languages/zh", true, "siteName", "先驱");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(303);
        assertThat(herald.get("/zh/").statusCode()).isEqualTo(404);
        assertThat(admin.post("/admin/settings/languages/zh", true, "siteName", "先驱", "enabled", "true").statusCode())
                .isEqualTo(303);
        assertThat(herald.get("/zh/").statusCode()).isEqualTo(200);
    }

    @Test
    void badSettingsAreRefusedClearly() {
        assertThat(admin.post("/admin/settings/languages/en", true, "siteName", "Herald").statusCode()).isEqualTo(400);
        assertThat(herald.bean(SiteSettings.class).current().language("en").orElseThrow().enabled()).isTrue();
        assertThat(admin.post("/admin/settings/zone", true, "zone", "Mars/Olympus").statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/settings/languages/xx", true, "siteName", "X").statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/settings/zone", true, "zone", "Europe/Zurich").statusCode()).isEqualTo(303);
        assertThat(herald.bean(SiteSettings.class).current().timeZone().getId()).isEqualTo("Europe/Zurich");
    }
}
