package org.heraldcms.migration;

import java.awt.Color;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.kinds.DocumentFields;
import org.heraldcms.kinds.EventFields;
import org.heraldcms.kinds.EventReport;
import org.heraldcms.kinds.Galleries;
import org.heraldcms.kinds.KindEntries;
import org.heraldcms.kinds.KindFields;
import org.heraldcms.kinds.LinkFields;
import org.heraldcms.kinds.VacancyFields;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.site.NewSection;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.springframework.stereotype.Component;

/**
 * The demo site's example of each section kind beyond news and pages, in English and Russian:
 * a resolution with its file in each language, an event (the news article reports on it) and an
 * upcoming one, a gallery, an open vacancy, friendly links and a home-page banner.
 */
@Component
class DemoKinds {

    private static final String BY = "demo";
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final Sections sections;
    private final Entries entries;
    private final KindEntries kinds;
    private final Galleries galleries;
    private final MediaLibrary media;
    private final Clock clock;
    private Section news;

    DemoKinds(Sections sections, Entries entries, KindEntries kinds, Galleries galleries, MediaLibrary media,
              Optional<Clock> clock) {
        this.sections = sections;
        this.entries = entries;
        this.kinds = kinds;
        this.galleries = galleries;
        this.media = media;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    void create(Section news, Section documents) {
        this.news = news;
        Section events = section(SectionKind.EVENTS, 3, true, "Events", "Мероприятия");
        Section gallery = section(SectionKind.GALLERY, 4, true, "Gallery", "Фотогалерея");
        Section vacancies = section(SectionKind.VACANCIES, 5, true, "Vacancies", "Вакансии");
        Section links = section(SectionKind.LINK, 6, true, "Links", "Ссылки");
        Section banners = section(SectionKind.BANNERS, 7, false, "Banners", "Баннеры");
        document(documents);
        events(events, news);
        gallery(gallery);
        vacancy(vacancies);
        links(links);
        banner(banners);
    }

    private Section section(SectionKind kind, int position, boolean inMenu, String en, String ru) {
        return sections.create(new NewSection(null, kind, position, inMenu, Map.of("en", en, "ru", ru)));
    }

    private void document(Section documents) {
        Entry en = entries.find(entries.publishedInSection("en", documents.id(), 1, 1).items().get(0).id()).orElseThrow();
        DocumentFields fields = new DocumentFields("A/RES/75/69", LocalDate.of(2021, 4, 16), "resolution",
                pdf("a-res-75-69-en.pdf", "Resolution adopted by the General Assembly (demo copy)").storedName());
        kinds.save(EntryDraft.from(en), fields, BY); // found by id: with its tags
        kinds.save(EntryDraft.of("ru", documents.id(),
                "Резолюция 75/69: Сотрудничество между Организацией Объединённых Наций и Шанхайской организацией сотрудничества",
                "<p>Принята Генеральной Ассамблеей ООН на 75-й сессии 16 апреля 2021 года; резолюция приветствует "
                        + "сотрудничество между секретариатами двух организаций.</p>",
                "", en.publishedAt(), EntryStatus.PUBLISHED).translating(en.id()),
                new DocumentFields("A/RES/75/69", LocalDate.of(2021, 4, 16), "resolution",
                        pdf("a-res-75-69-ru.pdf", "Resolution (demo copy, Russian version)").storedName()), BY);
    }

    private void events(Section events, Section news) {
        Instant start = LocalDateTime.of(2021, 5, 17, 15, 0).atZone(MOSCOW).toInstant();
        EventFields consultations = new EventFields(start, start.plus(2, ChronoUnit.HOURS), MOSCOW, "", true,
                "SCO Secretariat; UN Department of Political and Peacebuilding Affairs", "");
        Entry en = kinds.save(EntryDraft.of("en", events.id(), "SCO–UN interactive consultations",
                "<p>An online dialogue between the SCO Secretariat and the UN Department of Political and "
                        + "Peacebuilding Affairs.</p>", "", start.minus(7, ChronoUnit.DAYS), EntryStatus.PUBLISHED),
                consultations, BY);
        kinds.save(EntryDraft.of("ru", events.id(), "Интерактивные консультации ШОС и ООН",
                "<p>Онлайн-диалог Секретариата ШОС и Департамента ООН по политическим вопросам и миростроительству.</p>",
                "", en.publishedAt(), EntryStatus.PUBLISHED).translating(en.id()),
                new EventFields(start, consultations.endsAt(), MOSCOW, "", true,
                        "Секретариат ШОС; Департамент ООН по политическим вопросам и миростроительству", ""), BY);
        Entry article = entries.findBySlug("en", news.id(), "interactive-consultations-held-between-sco-and-un-secretariats")
                .orElseThrow();
        for (Entry translation : entries.publishedTranslations(article)) { // read again: with its tags
            kinds.save(EntryDraft.from(entries.find(translation.id()).orElseThrow()),
                    new EventReport(en.translationGroupId()), BY);
        }
        LocalDate day = LocalDate.now(clock.withZone(MOSCOW)).plusDays(30);
        Instant openDay = day.atTime(10, 0).atZone(MOSCOW).toInstant();
        EventFields upcoming = new EventFields(openDay, openDay.plus(6, ChronoUnit.HOURS), MOSCOW,
                "Demo Secretariat, Conference Room 1", false, "Herald Demo Secretariat", "Member states; the press");
        Entry next = kinds.save(EntryDraft.of("en", events.id(), "Open day at the Demo Secretariat",
                "<p>Visitors meet the staff and see how the secretariat publishes in several languages.</p>", "",
                Instant.now(clock).truncatedTo(ChronoUnit.MINUTES), EntryStatus.PUBLISHED), upcoming, BY);
        kinds.save(EntryDraft.of("ru", events.id(), "День открытых дверей в Демо-секретариате",
                "<p>Посетители знакомятся с сотрудниками и узнают, как секретариат публикует материалы на нескольких "
                        + "языках.</p>", "", next.publishedAt(), EntryStatus.PUBLISHED).translating(next.id()),
                new EventFields(openDay, upcoming.endsAt(), MOSCOW, "Демо-секретариат, зал заседаний 1", false,
                        "Демо-секретариат Herald", "Государства-члены; пресса"), BY);
    }

    private void gallery(Section gallery) {
        Entry en = entries.save(EntryDraft.of("en", gallery.id(), "The secretariat in pictures",
                "<p>Three views of the Demo Secretariat.</p>", "", at(2026, 11, 15), EntryStatus.PUBLISHED), BY);
        Entry ru = entries.save(EntryDraft.of("ru", gallery.id(), "Секретариат в фотографиях",
                "<p>Три вида Демо-секретариата.</p>", "", en.publishedAt(), EntryStatus.PUBLISHED)
                .translating(en.id()), BY);
        String[][] captions = {{"The main hall", "Главный зал"}, {"The conference room", "Зал заседаний"},
                {"The garden", "Сад"}};
        Color[] colours = {new Color(0x1f4e79), new Color(0x2e7d32), new Color(0x8e24aa), new Color(0xef6c00)};
        for (int i = 0; i < captions.length; i++) {
            MediaItem image = media.store("gallery-" + (i + 1) + ".png",
                    DemoFiles.picture(colours[i], colours[i + 1], i + 1), BY);
            long id = galleries.add(en, image.storedName(), captions[i][0]);
            galleries.caption(ru, id, captions[i][1]);
        }
    }

    private void vacancy(Section vacancies) {
        Instant closes = LocalDate.now(clock.withZone(DemoSite.TIME_ZONE)).plusDays(60).atTime(23, 59)
                .atZone(DemoSite.TIME_ZONE).toInstant();
        Entry en = kinds.save(EntryDraft.of("en", vacancies.id(), "Programme Management Officer",
                "<p>The Demo Secretariat seeks an officer to manage its multilingual publications programme.</p>", "",
                Instant.now(clock).truncatedTo(ChronoUnit.MINUTES), EntryStatus.PUBLISHED),
                new VacancyFields("P-3", "Beijing", closes), BY);
        kinds.save(EntryDraft.of("ru", vacancies.id(), "Сотрудник по управлению программами",
                "<p>Демо-секретариат ищет сотрудника для управления программой многоязычных публикаций.</p>", "",
                en.publishedAt(), EntryStatus.PUBLISHED).translating(en.id()),
                new VacancyFields("P-3", "Пекин", closes), BY);
    }

    private void links(Section links) {
        link(links, 1, "United Nations", "Организация Объединённых Наций", "https://www.un.org/");
        link(links, 2, "Shanghai Cooperation Organisation", "Шанхайская организация сотрудничества",
                "https://eng.sectsco.org/");
    }

    private Entry link(Section section, int position, String en, String ru, String url) {
        Entry entry = kinds.save(EntryDraft.of("en", section.id(), en, "", "", at(2026, 11, 1), EntryStatus.PUBLISHED),
                new LinkFields(url, "", position, null), BY);
        kinds.save(EntryDraft.of("ru", section.id(), ru, "", "", entry.publishedAt(), EntryStatus.PUBLISHED)
                .translating(entry.id()), new LinkFields(url.replace("eng.", "rus."), "", position, null), BY);
        return entry;
    }

    private void banner(Section banners) {
        MediaItem image = media.store("banner.png", DemoFiles.picture(new Color(0x0d47a1), new Color(0x00838f), 4), BY);
        KindFields en = new LinkFields(newsPath("en", "herald-demo-site-opens"), image.storedName(), 1, null);
        Entry entry = kinds.save(EntryDraft.of("en", banners.id(), "Herald demo site opens", "", "",
                at(2026, 11, 20), EntryStatus.PUBLISHED).withSummary("News, documents and events in three languages"),
                en, BY);
        kinds.save(EntryDraft.of("ru", banners.id(), "Открыт демонстрационный сайт Herald", "", "",
                        entry.publishedAt(), EntryStatus.PUBLISHED)
                        .withSummary("Новости, документы и мероприятия на трёх языках").translating(entry.id()),
                new LinkFields(newsPath("ru", "herald-demo-site-opens"), image.storedName(), 1, null), BY);
    }

    /** The address in a language of the news entry whose English slug is given. */
    private String newsPath(String language, String englishSlug) {
        Entry english = entries.findBySlug("en", news.id(), englishSlug).orElseThrow();
        return entries.publishedTranslations(english).stream().filter(e -> e.language().equals(language)).findFirst()
                .map(e -> news.entryPath(language, e.slug())).orElseThrow();
    }

    private MediaItem pdf(String name, String title) {
        return media.store(name, DemoFiles.pdf(List.of("A/RES/75/69", title,
                "Cooperation between the United Nations and the Shanghai Cooperation Organization",
                "Herald demo site: fictional content.")), BY);
    }

    private static Instant at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0).atZone(DemoSite.TIME_ZONE).toInstant();
    }
}
