package org.heraldcms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.heraldcms.content.Views;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard charts the public site's page views per day, from the batched view counts. */
class DashboardViewsTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;
    static RunningHerald herald;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir, "--herald.views.flush-every=PT1H");
        herald.bean(Users.class).add("root", null, Role.ADMIN, PASSWORD.toCharArray(), Optional.empty());
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void todaysViewsAppearAsABarOfTheChart() throws InterruptedException {
        ZoneId siteZone = ZoneId.of("Asia/Shanghai");
        while (java.time.LocalTime.now(siteZone).isAfter(java.time.LocalTime.of(23, 59, 30))) {
            Thread.sleep(500); // the views and the chart's last row must fall on the same day of the site
        }
        for (String reader : new String[] {"one", "two", "three"}) {
            herald.get("/en/news/interactive-consultations-held-between-sco-and-un-secretariats", "User-Agent", reader);
        }
        herald.get("/ru/", "User-Agent", "one"); // not an entry page: no view
        herald.bean(Views.class).flush();

        Document dashboard = Jsoup.parse(AdminClient.signedIn(herald, "root", PASSWORD).get("/admin/").body());
        Element chart = dashboard.selectFirst("table.views");
        assertThat(chart).isNotNull();
        assertThat(chart.select("tr:has(meter)")).hasSize(14);
        String today = LocalDate.now(siteZone).toString();
        Element row = chart.select("tr:has(th:containsOwn(" + today + "))").first();
        assertThat(row).isNotNull();
        assertThat(row.select("td").first().text()).isEqualTo("3");
        assertThat(row.selectFirst("meter").attr("value")).isEqualTo("3");
        assertThat(row.selectFirst("meter").attr("max")).isEqualTo("3");
        assertThat(dashboard.select("script")).isEmpty();
    }
}
