package org.heraldcms.migration;

import java.time.ZoneOffset;
import java.util.List;

import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.site.Language;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a brand-new database, before the first request: the demo site, or (with
 * {@code herald.demo-content=false}) an empty site in English. Never again after that,
 * so a restart adds nothing.
 */
@Component
class FirstStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final SiteSettings site;
    private final Sections sections;
    private final DemoSite demo;
    private final HeraldProperties properties;
    private final TransactionTemplate transaction;

    FirstStart(SiteSettings site, Sections sections, DemoSite demo, HeraldProperties properties,
               TransactionTemplate transaction) {
        this.site = site;
        this.sections = sections;
        this.demo = demo;
        this.properties = properties;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (site.exists()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                if (properties.demoContent()) {
                    demo.create();
                } else {
                    site.create(ZoneOffset.UTC, List.of(new Language("en", "English", 0, true, true, "Herald", "", "", "")));
                }
            });
            log.info("New site created in {}{}", properties.dataDir().toAbsolutePath(),
                    properties.demoContent() ? " with demo content" : "");
        } catch (DataIntegrityViolationException e) {
            log.info("Another node created the site first");
        } finally {
            site.forget();
            sections.forget();
        }
    }
}
