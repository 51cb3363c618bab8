package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.date;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.pick;
import static dev.aims.core.testing.CommonGen.slug;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.impact.DescribedImpact;
import dev.aims.core.impact.FundamentalRightsAssessment;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.ImpactNature;
import dev.aims.core.impact.Reversibility;
import dev.aims.core.impact.Severity;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.OutputType;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.impact} values. */
public final class ImpactGen {
  private ImpactGen() {}

  /** Returns valid described impacts, some with a mitigation. */
  public static Gen<DescribedImpact> describedImpacts() {
    return in ->
        DescribedImpact.builder()
            .description(text().generate(in))
            .nature(enumValue(ImpactNature.class).generate(in))
            .mitigation(optional(text()).generate(in))
            .build();
  }

  /** Returns positive periods of up to 3 years, 11 months and 30 days, e.g. P1Y or P2M10D. */
  public static Gen<Period> intervals() {
    return in -> {
      int years = pick(in, 4);
      int months = pick(in, 12);
      int days = pick(in, 31);
      return years + months + days == 0 ? Period.ofDays(1) : Period.of(years, months, days);
    };
  }

  /**
   * Returns any periods, from -2 years, -11 months and -40 days to 3 years, 11 months and 40 days:
   * positive, zero, negative and mixed ones such as P1M-31D.
   */
  public static Gen<Period> periods() {
    return in -> Period.of(pick(in, 6) - 2, pick(in, 23) - 11, pick(in, 81) - 40);
  }

  /** Returns complete Article 27 parts: every list has 1 to 3 entries. */
  public static Gen<FundamentalRightsAssessment> fundamentalRights() {
    return in ->
        FundamentalRightsAssessment.builder()
            .deployerProcess(text().generate(in))
            .periodOfUse(text().generate(in))
            .frequencyOfUse(text().generate(in))
            .categoriesOfPersons(nonEmpty(text()).generate(in))
            .specificRisksOfHarm(nonEmpty(text()).generate(in))
            .oversightMeasures(nonEmpty(text()).generate(in))
            .measuresIfRisksMaterialise(nonEmpty(text()).generate(in))
            .build();
  }

  /** Returns valid impact assessments, some with the Article 27 fields. */
  public static Gen<ImpactAssessment> assessments() {
    return in ->
        ImpactAssessment.builder()
            .systemId(slug().generate(in))
            .assessedOn(date().generate(in))
            .assessor(text().generate(in))
            .intendedPurpose(text().generate(in))
            .outputType(enumValue(OutputType.class).generate(in))
            .impactDomain(enumValue(ImpactDomain.class).generate(in))
            .affectedPopulation(SystemGen.affectedPopulations().generate(in))
            .severity(enumValue(Severity.class).generate(in))
            .reversibility(enumValue(Reversibility.class).generate(in))
            .humanOversight(enumValue(HumanOversightMode.class).generate(in))
            .impactsOnIndividuals(listOf(describedImpacts(), 3).generate(in))
            .impactsOnGroups(listOf(describedImpacts(), 3).generate(in))
            .impactsOnSociety(listOf(describedImpacts(), 3).generate(in))
            .reassessmentInterval(intervals().generate(in))
            .fundamentalRights(optional(fundamentalRights()).generate(in))
            .build();
  }

  private static Gen<List<String>> nonEmpty(Gen<String> values) {
    return in -> {
      List<String> list = new ArrayList<>(listOf(values, 2).generate(in));
      list.add(values.generate(in));
      return list;
    };
  }
}
