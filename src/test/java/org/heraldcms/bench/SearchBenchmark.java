package org.heraldcms.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.platform.Ids;
import org.heraldcms.platform.Timestamps;
import org.heraldcms.search.Search;
import org.heraldcms.search.SearchQuery;
import org.heraldcms.site.Sections;
import org.heraldcms.support.RunningHerald;

/**
 * Not a test: generates N entries (default 100,000) spread over en, ru and zh in a fresh data
 * folder, rebuilds the search index from the database and reports the build time, the index
 * size, and the latency (p50/p99) of searches (ranked, 10 hits with highlighted snippets) and of
 * related-entry lookups. Run: {@code bench/search.sh [entries]}.
 */
public final class SearchBenchmark {

    private static final String[] EN = ("cooperation resolution council security assembly member states delegation "
            + "secretariat meeting agreement economic regional development energy trade investment education "
            + "university student health climate water agriculture harvest transport railway road border customs "
            + "tourism culture heritage science research innovation digital technology network data report review "
            + "adopted discussed signed welcomed reviewed implemented organised announced strengthened expanded "
            + "ministers leaders experts partners observers countries organisations initiatives programmes projects "
            + "conference summit forum session consultations negotiations talks visits exhibitions festivals "
            + "peace stability terrorism extremism drugs crime migration refugees humanitarian relief disaster "
            + "financial banking currency markets prices growth industry manufacturing mining oil gas electricity")
            .split(" ");
    private static final String[] RU = ("сотрудничество сотрудничества сотрудничеству резолюция резолюции совет "
            + "безопасности ассамблея государства делегация секретариат встреча встречи соглашение соглашения "
            + "экономический региональный развитие развития энергетика торговля инвестиции образование университет "
            + "студенты здоровье климат вода сельское хозяйство урожай транспорт железная дорога граница таможня "
            + "туризм культура наследие наука исследования инновации цифровые технологии сеть данные доклад обзор "
            + "приняли обсудили подписали приветствовали рассмотрели реализовали организовали объявили укрепили "
            + "министры лидеры эксперты партнёры наблюдатели страны организации инициативы программы проекты "
            + "конференция саммит форум сессия консультации переговоры визиты выставки фестивали мир стабильность "
            + "терроризм экстремизм наркотики преступность миграция беженцы гуманитарная помощь бедствие").split(" ");
    private static final String[] ZH = ("合作 合作关系 决议 安理会 大会 成员国 代表团 秘书处 会议 协议 经济 区域 发展 能源 "
            + "贸易 投资 教育 大学 学生 卫生 气候 水资源 农业 丰收 交通 铁路 公路 边境 海关 旅游 文化 遗产 科学 研究 创新 "
            + "数字 技术 网络 数据 报告 审议 通过 讨论 签署 欢迎 落实 组织 宣布 加强 扩大 部长 领导人 专家 伙伴 观察员 国家 "
            + "倡议 项目 峰会 论坛 会晤 磋商 谈判 访问 展览 节日 和平 稳定 恐怖主义 极端主义 毒品 犯罪 移民 难民 人道主义 "
            + "救援 灾害 金融 银行 货币 市场 价格 增长 工业 制造业 矿业 石油 天然气 电力 搜索引擎 互联网 人工智能").split(" ");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dataDir = Files.createTempDirectory("herald-search-bench");
        Random random = new Random(42);
        try (RunningHerald herald = RunningHerald.offline(dataDir, "--logging.level.root=WARN")) {
            long generateStart = System.nanoTime();
            generate(herald, count, random);
            System.out.printf("generated %,d entries in %.1f s (database %s)%n", count, seconds(generateStart),
                    herald.bean(Entries.class).count() + " rows");

            Search search = herald.bean(Search.class);
            long buildStart = System.nanoTime();
            long cpuStart = processCpu();
            long indexed = search.rebuild(new org.heraldcms.search.RebuildProgress() {
            });
            double buildSeconds = seconds(buildStart);
            System.out.printf("index build (reindex): %,d entries in %.1f s wall (%.1f s CPU, all threads) = %,.0f entries/s;"
                    + " index size %,d MB%n", indexed, buildSeconds, (processCpu() - cpuStart) / 1e9,
                    indexed / buildSeconds, size(dataDir.resolve("index")) / 1_000_000);

            List<SearchQuery> queries = queries(random, 3_500);
            long[] latencies = new long[queries.size()];
            long hits = 0;
            for (int i = 0; i < queries.size(); i++) {
                long t = System.nanoTime();
                hits += search.search(queries.get(i)).hits().size();
                latencies[i] = System.nanoTime() - t;
            }
            report("search (10 hits, snippets)", Arrays.copyOfRange(latencies, 500, latencies.length));
            String[] kinds = {"one word", "two words", "a phrase", "a misspelt word (no hits, did-you-mean)"};
            for (int k = 0; k < kinds.length; k++) {
                final int kind = k;
                report("  " + kinds[k], java.util.stream.IntStream.range(500, latencies.length).filter(i -> i % 4 == kind)
                        .mapToLong(i -> latencies[i]).toArray());
            }
            System.out.printf("  average hits per page: %.1f%n", hits / (double) queries.size());

            List<Entry> sample = new ArrayList<>();
            Entries entries = herald.bean(Entries.class);
            entries.forEachPublished(e -> {
                if (sample.size() < 1_500 && random.nextInt(50) == 0) {
                    sample.add(e);
                }
            });
            long[] related = new long[sample.size()];
            for (int i = 0; i < sample.size(); i++) {
                long t = System.nanoTime();
                search.related(sample.get(i), 5);
                related[i] = System.nanoTime() - t;
            }
            report("related entries (5)", Arrays.copyOfRange(related, Math.min(200, related.length / 4), related.length));

            long reconcileStart = System.nanoTime();
            int touched = search.reconcile();
            System.out.printf("reconcile (index already current, %d touched): %.0f ms%n", touched, seconds(reconcileStart) * 1000);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static void generate(RunningHerald herald, int count, Random random) throws Exception {
        Sections sections = herald.bean(Sections.class);
        long[] sectionIds = sections.all().stream().mapToLong(s -> s.id()).toArray();
        String[] languages = {"en", "ru", "zh"};
        String now = Timestamps.now();
        try (Connection c = herald.bean(DataSource.class).getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement group = c.prepareStatement("INSERT INTO translation_group (id, created_at) VALUES (?, ?)");
                 PreparedStatement entry = c.prepareStatement("INSERT INTO entry (id, translation_group_id, language, "
                         + "section_id, title, slug, summary, body, author, source, published_at, status, featured, "
                         + "seo_title, seo_description, view_count, created_at, updated_at) "
                         + "VALUES (?, ?, ?, ?, ?, ?, '', ?, 'bench', '', ?, 'published', FALSE, '', '', 0, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    long groupId = Ids.next();
                    group.setLong(1, groupId);
                    group.setString(2, now);
                    group.addBatch();
                    String language = languages[i % 3];
                    entry.setLong(1, Ids.next());
                    entry.setLong(2, groupId);
                    entry.setString(3, language);
                    entry.setLong(4, sectionIds[random.nextInt(sectionIds.length)]);
                    entry.setString(5, text(language, random, 6 + random.nextInt(6)));
                    entry.setString(6, "bench-" + i);
                    StringBuilder body = new StringBuilder();
                    for (int p = 0; p < 4; p++) {
                        body.append("<p>").append(text(language, random, 30 + random.nextInt(40))).append("</p>");
                    }
                    entry.setString(7, body.toString());
                    entry.setString(8, Timestamps.format(Instant.parse("2015-01-01T00:00:00Z")
                            .plusSeconds(random.nextLong(10L * 365 * 86_400))));
                    entry.setString(9, now);
                    entry.setString(10, now);
                    entry.addBatch();
                    if (i % 2_000 == 1_999) {
                        group.executeBatch();
                        entry.executeBatch();
                        c.commit();
                    }
                }
                group.executeBatch();
                entry.executeBatch();
                c.commit();
            }
        }
    }

    private static String text(String language, Random random, int words) {
        String[] vocabulary = switch (language) {
            case "en" -> EN;
            case "ru" -> RU;
            default -> ZH;
        };
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0 && !language.equals("zh")) {
                text.append(' ');
            }
            text.append(vocabulary[(int) Math.min(vocabulary.length - 1, Math.abs(random.nextGaussian()) * vocabulary.length / 3)]);
            if (language.equals("zh") && random.nextInt(8) == 0) {
                text.append('，');
            }
        }
        return text.toString();
    }

    private static List<SearchQuery> queries(Random random, int n) {
        List<SearchQuery> queries = new ArrayList<>();
        String[] languages = {"en", "ru", "zh"};
        for (int i = 0; i < n; i++) {
            String language = languages[i % 3];
            String[] vocabulary = switch (language) {
                case "en" -> EN;
                case "ru" -> RU;
                default -> ZH;
            };
            String a = vocabulary[random.nextInt(vocabulary.length)];
            String b = vocabulary[random.nextInt(vocabulary.length)];
            String text = switch (i % 4) {
                case 0 -> a;
                case 1 -> a + " " + b;
                case 2 -> "\"" + a + " " + b + "\"";
                default -> a.substring(0, Math.max(1, a.length() - 1)) + "x"; // a misspelling: no hits, a suggestion
            };
            queries.add(new SearchQuery(language, text, 1 + (i % 7 == 0 ? 2 : 0), null, null, i % 5 == 0));
        }
        return queries;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: %,d runs, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, sorted.length,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long size(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
