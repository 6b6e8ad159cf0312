package org.heraldcms.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void englishTitlesBecomeLowercaseWordsJoinedByHyphens() {
        assertThat(Slugs.of("Interactive Consultations Held Between SCO and UN Secretariats"))
                .isEqualTo("interactive-consultations-held-between-sco-and-un-secretariats");
        assertThat(Slugs.of("  Resolution 75/69: what's new?  ")).isEqualTo("resolution-75-69-whats-new");
    }

    @Test
    void russianTitlesAreRomanisedReadably() {
        assertThat(Slugs.of("Новости")).isEqualTo("novosti");
        assertThat(Slugs.of("Сотрудничество ШОС и ООН")).isEqualTo("sotrudnichestvo-shos-i-oon");
        assertThat(Slugs.of("Объявление о съезде")).matches("[a-z0-9-]+").doesNotContain("--");
    }

    @Test
    void chineseTitlesBecomePinyin() {
        assertThat(Slugs.of("新闻")).isEqualTo("xin-wen");
        assertThat(Slugs.of("上海合作组织")).isEqualTo("shang-hai-he-zuo-zu-zhi");
    }

    @Test
    void accentsAndOtherScriptsFoldToAscii() {
        assertThat(Slugs.of("Déclaration de Genève")).isEqualTo("declaration-de-geneve");
        assertThat(Slugs.of("الأمم المتحدة")).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = Slugs.of("word ".repeat(100));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).endsWith("word").doesNotEndWith("-");
    }

    @Test
    void titlesWithNothingToKeepGiveAnEmptySlug() {
        assertThat(Slugs.of("!!! ???")).isEmpty();
        assertThat(Slugs.of(null)).isEmpty();
    }

    @Test
    void validityIsStrict() {
        assertThat(Slugs.isValid("a-b-1")).isTrue();
        assertThat(Slugs.isValid("A-b")).isFalse();
        assertThat(Slugs.isValid("a--b")).isFalse();
        assertThat(Slugs.isValid("..")).isFalse();
        assertThat(Slugs.isValid("a".repeat(201))).isFalse();
    }
}
