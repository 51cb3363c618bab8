package dev.aims.assessment.asof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.assessment.gap.RecordsGen;
import dev.aims.assessment.gap.SampleOrganisation;
import dev.aims.core.records.AimsRecords;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class RecordsAsOfPropertiesTest {
  @Test
  void everyKeptRecordIsDatedOnOrBeforeTheDay_andTheViewIsIdempotent() {
    qt().withExamples(150)
        .forAll(RecordsGen.records(), SourceDSL.integers().between(-800, 400))
        .checkAssert(
            (records, offset) -> {
              LocalDate day = SampleOrganisation.AS_OF.plusDays(offset);
              AimsRecords r = RecordsAsOf.on(records, day);
              assertThat(r.auditReports()).allMatch(a -> !a.reportDate().isAfter(day));
              assertThat(r.managementReviews()).allMatch(m -> !m.date().isAfter(day));
              assertThat(r.nonconformities())
                  .allMatch(n -> !n.raisedOn().isAfter(day))
                  .allMatch(n -> n.closedOn().map(d -> !d.isAfter(day)).orElse(true));
              assertThat(r.correctiveActions())
                  .allMatch(a -> !a.raisedOn().isAfter(day))
                  .allMatch(a -> a.completedOn().map(d -> !d.isAfter(day)).orElse(true));
              assertThat(r.improvements()).allMatch(i -> !i.raisedOn().isAfter(day));
              assertThat(r.competence()).allMatch(c -> !c.assessedOn().isAfter(day));
              assertThat(r.awareness()).allMatch(a -> !a.deliveredOn().isAfter(day));
              assertThat(r.impactAssessments()).allMatch(a -> !a.assessedOn().isAfter(day));
              assertThat(r.supplierAssessments()).allMatch(a -> !a.assessedOn().isAfter(day));
              assertThat(r.oversight()).allMatch(o -> !o.periodEnd().isAfter(day));
              assertThat(r.incidents())
                  .allMatch(
                      i -> !i.detectedAt().atOffset(ZoneOffset.UTC).toLocalDate().isAfter(day));
              assertThat(r.risks())
                  .allMatch(
                      x -> x.acceptance().map(a -> !a.acceptedOn().isAfter(day)).orElse(true));
              assertThat(RecordsAsOf.on(r, day)).isEqualTo(r);
              assertThat(RecordsAsOf.on(records, day.plusDays(100_000))).isEqualTo(records);
            });
  }
}
