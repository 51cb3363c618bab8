package dev.aims.audit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.evidence.record.RecordType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class SamplerPropertiesTest {
  static final int SIZE = 48;

  @TempDir static Path shared;
  static Path log;

  @BeforeAll
  static void writeLog() {
    log = SampleLogs.write(shared.resolve("log"), SIZE);
  }

  static Gen<String> seeds() {
    return SourceDSL.strings()
        .basicLatinAlphabet()
        .ofLengthBetween(1, 24)
        .assuming(s -> !s.isBlank());
  }

  static Gen<Optional<RecordType>> types() {
    return SourceDSL.integers()
        .between(0, RecordType.values().length)
        .map(i -> i == 0 ? Optional.empty() : Optional.of(RecordType.values()[i - 1]));
  }

  static Gen<Optional<String>> systems() {
    return SourceDSL.integers()
        .between(0, SampleLogs.SYSTEMS.length)
        .map(i -> i == 0 ? Optional.empty() : Optional.of(SampleLogs.SYSTEMS[i - 1]));
  }

  @Test
  void draw_indexesAreDistinct_inRange_matchTheFilters_andReproducible() {
    qt().withExamples(150)
        .forAll(seeds(), types(), systems(), SourceDSL.integers().between(1, 4))
        .checkAssert(
            (seed, type, system, count) -> {
              long population = population(type, system);
              // Too few matches (no key rotation is logged here) is refused; SamplerTest checks
              // that.
              if (population < count) {
                return;
              }
              Sample s = draw(seed, type, system, count);
              assertThat(s.population()).isEqualTo(population);
              assertThat(s.checkpointSize()).isEqualTo(SIZE);
              assertThat(s.records()).hasSize(count);
              assertThat(s.records().stream().map(SampledRecord::index))
                  .doesNotHaveDuplicates()
                  .isSorted()
                  .allSatisfy(
                      i -> {
                        assertThat(i).isBetween(0L, SIZE - 1L);
                        type.ifPresent(t -> assertThat(SampleLogs.typeOf(i)).isEqualTo(t));
                        system.ifPresent(y -> assertThat(SampleLogs.systemOf(i)).isEqualTo(y));
                      });
              assertThat(draw(seed, type, system, count)).isEqualTo(s);
            });
  }

  @Test
  void ranks_areDistinct_andInRange_forAnyPopulation() {
    qt().withExamples(500)
        .forAll(
            seeds(),
            SourceDSL.longs().between(1, Long.MAX_VALUE),
            SourceDSL.integers().between(0, 30))
        .checkAssert(
            (seed, m, n) -> {
              int take = (int) Math.min(n, m);
              Set<Long> ranks = new SeededDraw(seed).ranks(m, take);
              assertThat(ranks).hasSize(take).allSatisfy(r -> assertThat(r).isBetween(0L, m - 1));
            });
  }

  /**
   * Over 3000 seeds, drawing 3 of 10 takes each rank 900 times on average (standard deviation about
   * 25); a generator or selection that favours some ranks falls outside 800..1000.
   */
  @Test
  void ranks_takeEveryRankAboutEquallyOften() {
    int[] hits = new int[10];
    for (int k = 0; k < 3000; k++) {
      for (long r : new SeededDraw("audit-" + k).ranks(10, 3)) {
        hits[(int) r]++;
      }
    }
    for (int r = 0; r < 10; r++) {
      assertThat(hits[r]).as("rank " + r).isBetween(800, 1000);
    }
  }

  /**
   * The same for the uniform integers themselves, with a bound that is not a power of two: over
   * 7000 draws below 7, each value comes 1000 times on average (standard deviation about 29).
   */
  @Test
  void uniform_takesEveryValueAboutEquallyOften() {
    SeededDraw d = new SeededDraw("uniform");
    int[] hits = new int[7];
    for (int k = 0; k < 7000; k++) {
      hits[(int) d.uniform(7)]++;
    }
    for (int v = 0; v < 7; v++) {
      assertThat(hits[v]).as("value " + v).isBetween(880, 1120);
    }
  }

  /** Every record of a filtered population is drawn by some seed, so none is out of reach. */
  @Test
  void draw_overManySeeds_reachesEveryMatchingRecord() {
    Optional<RecordType> type = Optional.of(RecordType.AI_DECISION);
    Optional<String> system = Optional.of("credit-scoring");
    int[] hits = new int[SIZE];
    for (int k = 0; k < 200; k++) {
      for (SampledRecord r : draw("reach-" + k, type, system, 2).records()) {
        hits[(int) r.index()]++;
      }
    }
    for (int i = 0; i < SIZE; i++) {
      boolean matches =
          SampleLogs.typeOf(i) == RecordType.AI_DECISION
              && SampleLogs.systemOf(i).equals("credit-scoring");
      if (matches) {
        // 8 matching records, 2 drawn per seed: 50 hits expected, standard deviation about 6.
        assertThat(hits[i]).as("index " + i).isBetween(25, 75);
      } else {
        assertThat(hits[i]).as("index " + i).isZero();
      }
    }
  }

  static long population(Optional<RecordType> type, Optional<String> system) {
    long n = 0;
    for (long i = 0; i < SIZE; i++) {
      long index = i;
      if (type.map(t -> t == SampleLogs.typeOf(index)).orElse(true)
          && system.map(y -> y.equals(SampleLogs.systemOf(index))).orElse(true)) {
        n++;
      }
    }
    return n;
  }

  static Sample draw(String seed, Optional<RecordType> type, Optional<String> system, int count) {
    Sampler.Builder b = Sampler.builder().source(log).seed(seed).count(count);
    type.ifPresent(b::type);
    system.ifPresent(b::system);
    try {
      return b.build().draw();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
