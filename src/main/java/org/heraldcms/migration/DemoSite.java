package org.heraldcms.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.site.Language;
import org.heraldcms.forms.FieldType;
import org.heraldcms.forms.FormField;
import org.heraldcms.forms.FormInput;
import org.heraldcms.identity.MemberGroup;
import org.heraldcms.site.NewSection;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteSettings;
import org.heraldcms.text.Html;
import org.springframework.stereotype.Component;

/**
 * The demo site a new user sees at first start: English, Russian and Chinese, sections
 * News, About and Documents, and as its first news item the article captured from a
 * MetInfo site, with translations so the language switcher has something to show.
 */
@Component
class DemoSite {

    static final ZoneId TIME_ZONE = ZoneId.of("Asia/Shanghai");
    static final String CAPTURE = "/demo/sco-un-interactive-consultations.txt";
    private static final String BY = "demo";

    private final SiteSettings site;
    private final Sections sections;
    private final Entries entries;

    private final org.heraldcms.forms.Forms forms;
    private final org.heraldcms.forms.Inbox inbox;
    private final org.heraldcms.identity.Members members;
    private final org.heraldcms.site.SectionAccess access;

    private final DemoKinds kinds;

    DemoSite(SiteSettings site, Sections sections, Entries entries, DemoKinds kinds, org.heraldcms.forms.Forms forms,
             org.heraldcms.forms.Inbox inbox, org.heraldcms.identity.Members members,
             org.heraldcms.site.SectionAccess access) {
        this.forms = forms;
        this.inbox = inbox;
        this.members = members;
        this.access = access;
        this.site = site;
        this.sections = sections;
        this.entries = entries;
        this.kinds = kinds;
    }

    /** Creates the whole demo site; the caller holds the transaction. */
    void create() {
        site.create(TIME_ZONE, List.of(
                new Language("en", "English", 0, true, true, "Herald Demo Secretariat",
                        "News of a multilingual organisation", "A demonstration site published with Herald.",
                        "News, documents and events of an international organisation, in three languages."),
                new Language("ru", "Русский", 1, true, false, "Демо-секретариат Herald",
                        "Новости многоязычной организации", "Демонстрационный сайт на Herald.",
                        "Новости, документы и события международной организации на трёх языках."),
                new Language("zh", "中文", 2, true, false, "Herald 演示秘书处",
                        "多语种组织的新闻", "使用 Herald 发布的演示网站。",
                        "一个国际组织的新闻、文件和活动，以三种语言发布。")));
        Section news = sections.create(new NewSection(null, SectionKind.NEWS, 0, true,
                Map.of("en", "News", "ru", "Новости", "zh", "新闻")));
        Section about = sections.create(new NewSection(null, SectionKind.PAGE, 1, true,
                Map.of("en", "About", "ru", "О нас", "zh", "关于我们")));
        Section documents = sections.create(new NewSection(null, SectionKind.DOCUMENTS, 2, true,
                Map.of("en", "Documents", "ru", "Документы", "zh", "文件")));
        createNews(news);
        createAbout(about);
        createDocuments(documents);
        kinds.create(news, documents);
        createFormsAndMembers();
    }

    /** Issue 9 part B: a contact form, a guestbook with one approved message, a members-only section. */
    private void createFormsAndMembers() {
        Section contact = sections.create(new NewSection(null, SectionKind.FEEDBACK, 20, true,
                Map.of("en", "Contact us", "ru", "Обратная связь", "zh", "联系我们")));
        forms.addField(contact.id(), FieldType.TEXT, true, 0, Map.of("en", "Your name", "ru", "Ваше имя", "zh", "您的姓名"),
                Map.of());
        forms.addField(contact.id(), FieldType.EMAIL, true, 1,
                Map.of("en", "E-mail", "ru", "Электронная почта", "zh", "电子邮件"), Map.of());
        forms.addField(contact.id(), FieldType.SELECT, false, 2, Map.of("en", "Topic", "ru", "Тема", "zh", "主题"),
                Map.of("en", "Press\nDocuments\nOther", "ru", "Пресса\nДокументы\nДругое", "zh", "新闻\n文件\n其他"));
        forms.addField(contact.id(), FieldType.TEXTAREA, true, 3, Map.of("en", "Message", "ru", "Сообщение", "zh", "留言"),
                Map.of());

        Section guestbook = sections.create(new NewSection(null, SectionKind.GUESTBOOK, 21, true,
                Map.of("en", "Guestbook", "ru", "Гостевая книга", "zh", "留言簿")));
        FormField name = forms.addField(guestbook.id(), FieldType.TEXT, true, 0,
                Map.of("en", "Your name", "ru", "Ваше имя", "zh", "您的姓名"), Map.of());
        FormField text = forms.addField(guestbook.id(), FieldType.TEXTAREA, true, 1,
                Map.of("en", "Message", "ru", "Сообщение", "zh", "留言"), Map.of());
        for (String[] message : List.of(new String[] {"en", "Amina", "A clear and useful site. Thank you!"},
                new String[] {"ru", "Иван", "Понятный и полезный сайт. Спасибо!"})) {
            FormInput input = forms.check(guestbook.id(), message[0],
                    Map.of(name.inputName(), message[1], text.inputName(), message[2]));
            inbox.moderate(forms.submit(guestbook.id(), message[0], input).id(), "approved");
        }

        Section restricted = sections.create(new NewSection(null, SectionKind.NEWS, 22, true,
                Map.of("en", "Members", "ru", "Для участников", "zh", "会员专区")));
        MemberGroup group = members.addGroup("Members");
        access.limit(restricted.id(), group.id());
        Entry briefing = entries.save(EntryDraft.of("en", restricted.id(), "Briefing for members", """
                        <p>This entry is only shown to signed-in members of the group "Members". Create one with \
                        <code>herald member add --username NAME --group Members</code>.</p>""",
                        "Herald", at(LocalDateTime.of(2026, 11, 21, 9, 0)), EntryStatus.PUBLISHED), BY);
        entries.save(EntryDraft.of("ru", restricted.id(), "Брифинг для участников", """
                        <p>Эта запись видна только участникам группы «Members», вошедшим на сайт.</p>""",
                        "Herald", briefing.publishedAt(), EntryStatus.PUBLISHED).translating(briefing.id()), BY);
    }

    private void createNews(Section news) {
        CapturedPage capture = CapturedPageParser.parse(readCapture());
        Entry article = entries.save(EntryDraft.of("en", news.id(), capture.title(), Html.paragraphs(capture.paragraphs()),
                        capture.author(), at(capture.publishedAt().orElseThrow()), EntryStatus.PUBLISHED)
                .withSource(capture.source())
                .withSummary(capture.paragraphs().get(0))
                .withTags(List.of("SCO", "United Nations", "Cooperation"))
                .featured(true), BY);
        entries.save(EntryDraft.of("ru", news.id(), "Интерактивные консультации секретариатов ШОС и ООН", """
                        <p>17 мая 2021 года по инициативе ООН состоялся интерактивный онлайн-диалог между Секретариатом ШОС \
                        и Департаментом по политическим вопросам и миростроительству Секретариата ООН.</p>
                        <p>Участники обсудили дальнейшую координацию усилий по поддержанию и укреплению безопасности \
                        и стабильности в Центральной Азии, а также по развитию взаимовыгодного экономического сотрудничества.</p>""",
                        "admin", article.publishedAt(), EntryStatus.PUBLISHED)
                .withTags(List.of("ШОС", "ООН", "Сотрудничество")).translating(article.id()), BY);
        entries.save(EntryDraft.of("zh", news.id(), "上海合作组织秘书处与联合国秘书处举行互动磋商", """
                        <p>2021年5月17日，应联合国倡议，上海合作组织秘书处与联合国秘书处政治和建设和平事务部举行了互动在线对话。</p>
                        <p>双方讨论了进一步协调努力，维护和加强中亚安全与稳定，促进互利经济合作关系。</p>""",
                        "admin", article.publishedAt(), EntryStatus.PUBLISHED)
                .withTags(List.of("上海合作组织", "联合国", "合作")).translating(article.id()), BY);

        Entry opening = entries.save(EntryDraft.of("en", news.id(), "Herald demo site opens", """
                        <p>This demonstration site shows how Herald publishes one organisation's news in English, \
                        Russian and Chinese.</p>
                        <p>Every entry knows its translations: use the language links on any page to read it in another language.</p>""",
                        "Herald", at(LocalDateTime.of(2026, 11, 20, 10, 0)), EntryStatus.PUBLISHED), BY);
        entries.save(EntryDraft.of("ru", news.id(), "Открыт демонстрационный сайт Herald", """
                        <p>Этот демонстрационный сайт показывает, как Herald публикует новости организации на английском, \
                        русском и китайском языках.</p>
                        <p>Каждая запись знает свои переводы: воспользуйтесь ссылками на другие языки на любой странице.</p>""",
                        "Herald", opening.publishedAt(), EntryStatus.PUBLISHED).translating(opening.id()), BY);
        entries.save(EntryDraft.of("zh", news.id(), "Herald 演示网站上线", """
                        <p>本演示网站展示了 Herald 如何以英文、俄文和中文发布一个组织的新闻。</p>
                        <p>每篇文章都与其译文相互关联：请使用任何页面上的语言链接阅读其他语言版本。</p>""",
                        "Herald", opening.publishedAt(), EntryStatus.PUBLISHED).translating(opening.id()), BY);
    }

    private void createAbout(Section about) {
        Entry en = entries.save(EntryDraft.of("en", about.id(), "About this site", """
                        <p>The Herald Demo Secretariat is an imaginary international organisation. Its site shows what \
                        Herald does: news, pages and documents in several languages, each linked to its translations.</p>""",
                        "", at(LocalDateTime.of(2026, 11, 1, 9, 0)), EntryStatus.PUBLISHED), BY);
        entries.save(EntryDraft.of("ru", about.id(), "О сайте", """
                        <p>Демо-секретариат Herald — вымышленная международная организация. Её сайт показывает \
                        возможности Herald: новости, страницы и документы на нескольких языках, связанные с переводами.</p>""",
                        "", en.publishedAt(), EntryStatus.PUBLISHED).translating(en.id()), BY);
        entries.save(EntryDraft.of("zh", about.id(), "关于本站", """
                        <p>Herald 演示秘书处是一个虚构的国际组织。本站展示 Herald 的功能：以多种语言发布的新闻、页面和文件，并与各自的译文相互关联。</p>""",
                        "", en.publishedAt(), EntryStatus.PUBLISHED).translating(en.id()), BY);
    }

    private void createDocuments(Section documents) {
        entries.save(EntryDraft.of("en", documents.id(),
                "Resolution 75/69: Cooperation between the United Nations and the Shanghai Cooperation Organization", """
                        <p>Adopted by the UN General Assembly at its 75th session on 16 April 2021, the resolution \
                        welcomes the cooperation between the secretariats of the two organisations.</p>""",
                "", at(LocalDateTime.of(2021, 4, 16, 12, 0)), EntryStatus.PUBLISHED), BY);
    }

    private static java.time.Instant at(LocalDateTime local) {
        return local.atZone(TIME_ZONE).toInstant();
    }

    static String readCapture() {
        try (InputStream in = DemoSite.class.getResourceAsStream(CAPTURE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
