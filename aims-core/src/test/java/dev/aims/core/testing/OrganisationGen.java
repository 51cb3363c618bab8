package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.date;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.onOrAfter;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.recordId;
import static dev.aims.core.testing.CommonGen.slug;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.records.Organisation;
import dev.aims.core.records.OversightRecord;
import dev.aims.core.system.HumanOversightMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** QuickTheories generators of valid {@code dev.aims.core.records} parts other than the whole. */
public final class OrganisationGen {
  private OrganisationGen() {}

  /**
   * Returns valid organisations, with the optional facts present about half the time each: a risk
   * matrix of the organisation's own among them.
   */
  public static Gen<Organisation> organisations() {
    return in ->
        Organisation.builder()
            .name(text().generate(in))
            .description(optional(text()).generate(in))
            .topManagement(optional(text()).generate(in))
            .aimsManager(optional(text()).generate(in))
            .riskCriteria(RiskGen.criteria().generate(in))
            .riskMatrix(optional(RiskGen.matrixDefinitions()).generate(in))
            .certificationBody(optional(text()).generate(in))
            .certificateDate(optional(date()).generate(in))
            .build();
  }

  /**
   * Returns valid oversight records: the period in order, counts that nest (overridden &le;
   * reviewed &le; outputs, up to ten billion outputs) and a reviewer whenever anything was
   * reviewed.
   */
  public static Gen<OversightRecord> oversightRecords() {
    return in -> {
      LocalDate start = date().generate(in);
      long outputs = SourceDSL.longs().between(0, 10_000_000_000L).generate(in);
      long reviewed = SourceDSL.longs().between(0, outputs).generate(in);
      long overridden = SourceDSL.longs().between(0, reviewed).generate(in);
      List<String> reviewers = new ArrayList<>(listOf(text(), 3).generate(in));
      if (reviewed > 0 && reviewers.isEmpty()) {
        reviewers.add(text().generate(in));
      }
      return OversightRecord.builder()
          .id(recordId().generate(in))
          .systemId(slug().generate(in))
          .periodStart(start)
          .periodEnd(onOrAfter(start, 400).generate(in))
          .mode(enumValue(HumanOversightMode.class).generate(in))
          .outputs(outputs)
          .reviewed(reviewed)
          .overridden(overridden)
          .reviewers(reviewers)
          .evidence(optional(text()).generate(in))
          .build();
    };
  }
}
