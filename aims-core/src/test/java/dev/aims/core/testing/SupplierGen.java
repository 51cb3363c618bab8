package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.date;
import static dev.aims.core.testing.CommonGen.distinctBy;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.onOrAfter;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.recordId;
import static dev.aims.core.testing.CommonGen.slug;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.supplier.AssessmentOutcome;
import dev.aims.core.supplier.SupplierAssessment;
import java.time.LocalDate;
import java.util.List;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.supplier} values. */
public final class SupplierGen {
  private SupplierGen() {}

  /** Returns valid supplier assessments: only conditional approvals have conditions. */
  public static Gen<SupplierAssessment> assessments() {
    return in -> {
      AssessmentOutcome outcome = enumValue(AssessmentOutcome.class).generate(in);
      LocalDate assessed = date().generate(in);
      SupplierAssessment.Builder b =
          SupplierAssessment.builder()
              .id(recordId().generate(in))
              .supplier(text().generate(in))
              .addComponents(text().generate(in))
              .addAllComponents(listOf(text(), 2).generate(in))
              .systemIds(distinctBy(listOf(slug(), 3).generate(in), s -> s))
              .assessedOn(assessed)
              .assessedBy(text().generate(in))
              .addCriteria(text().generate(in))
              .outcome(outcome)
              .nextReview(onOrAfter(assessed.plusDays(1), 730).generate(in))
              .notes(optional(text()).generate(in));
      if (outcome == AssessmentOutcome.APPROVED_WITH_CONDITIONS) {
        b.addConditions(text().generate(in)).addAllConditions(listOf(text(), 2).generate(in));
      } else {
        b.conditions(List.of());
      }
      return b.build();
    };
  }
}
