package dev.aims.core.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.core.validation.InvalidRecordException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class StatementOfApplicabilityPropertiesTest {
  private static final List<SoaEntry> ALL = SoaFixtures.allAnnexAEntries();

  /** Bit masks over the 38 controls: which ones to drop. */
  private static Gen<Long> masks() {
    return SourceDSL.longs().between(0L, (1L << 38) - 1);
  }

  @Test
  void anyOrderOfAll38_builds_andListsAnnexAInStandardOrder() {
    qt().withExamples(200)
        .forAll(SourceDSL.longs().all())
        .checkAssert(
            seed -> {
              List<SoaEntry> shuffled = new ArrayList<>(ALL);
              Collections.shuffle(shuffled, new Random(seed));
              StatementOfApplicability soa =
                  StatementOfApplicability.builder().version("1").addAllEntries(shuffled).build();
              assertThat(soa.annexAEntries()).containsExactlyElementsOf(ALL);
            });
  }

  @Test
  void droppingControls_isRejectedNamingExactlyThoseDropped() {
    qt().withExamples(200)
        .forAll(masks())
        .assuming(mask -> mask != 0)
        .checkAssert(
            mask -> {
              List<SoaEntry> kept = new ArrayList<>();
              List<String> dropped = new ArrayList<>();
              for (int i = 0; i < ALL.size(); i++) {
                if ((mask & (1L << i)) != 0) {
                  dropped.add(ALL.get(i).controlId());
                } else {
                  kept.add(ALL.get(i));
                }
              }
              InvalidRecordException e =
                  catchThrowableOfType(
                      () ->
                          StatementOfApplicability.builder()
                              .version("1")
                              .addAllEntries(kept)
                              .build(),
                      InvalidRecordException.class);
              assertThat(e).isNotNull();
              assertThat(e.violations()).hasSize(1);
              assertThat(e.violations().get(0).value()).isEqualTo(String.join(", ", dropped));
            });
  }

  @Test
  void repeatingAnyControl_isRejected() {
    qt().withExamples(100)
        .forAll(SourceDSL.integers().between(0, 37), SourceDSL.integers().between(0, 38))
        .checkAssert(
            (which, where) -> {
              List<SoaEntry> entries = new ArrayList<>(ALL);
              entries.add(where, ALL.get(which));
              InvalidRecordException e =
                  catchThrowableOfType(
                      () ->
                          StatementOfApplicability.builder()
                              .version("1")
                              .addAllEntries(entries)
                              .build(),
                      InvalidRecordException.class);
              assertThat(e).isNotNull();
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.constraint()).isEqualTo("Unique");
                        assertThat(v.value()).isEqualTo("'" + ALL.get(which).controlId() + "'");
                      });
            });
  }
}
