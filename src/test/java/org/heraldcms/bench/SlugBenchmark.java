package org.heraldcms.bench;

import java.util.concurrent.TimeUnit;

import org.heraldcms.text.Slugs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Slugs for titles in three scripts (ICU transliteration), as every save makes one. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SlugBenchmark {

    @Benchmark
    public String english() {
        return Slugs.of("Interactive Consultations Held Between SCO and UN Secretariats");
    }

    @Benchmark
    public String russian() {
        return Slugs.of("Интерактивные консультации секретариатов ШОС и ООН");
    }

    @Benchmark
    public String chinese() {
        return Slugs.of("上海合作组织秘书处与联合国秘书处举行互动磋商");
    }

    /** The reference: the cheapest possible slug, lower-casing and replacing non-alphanumerics, for ASCII only. */
    @Benchmark
    public String asciiReference() {
        return "Interactive Consultations Held Between SCO and UN Secretariats".toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
