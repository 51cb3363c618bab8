package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.controlIds;
import static dev.aims.core.testing.CommonGen.date;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.onOrAfter;
import static dev.aims.core.testing.CommonGen.oneOf;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.pick;
import static dev.aims.core.testing.CommonGen.recordId;
import static dev.aims.core.testing.CommonGen.slug;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.RiskSource;
import dev.aims.core.risk.RiskAcceptance;
import dev.aims.core.risk.RiskCategory;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.risk.RiskTreatment;
import java.time.LocalDate;
import java.util.Optional;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.risk} values. */
public final class RiskGen {
  private RiskGen() {}

  /** Returns ratings with both levels between 1 and {@link RiskRating#MAX_LEVEL}. */
  public static Gen<RiskRating> ratings() {
    return in ->
        RiskRating.of(1 + pick(in, RiskRating.MAX_LEVEL), 1 + pick(in, RiskRating.MAX_LEVEL));
  }

  /** Returns valid acceptances: expiry on or after the day of acceptance, some with an approver. */
  public static Gen<RiskAcceptance> acceptances() {
    return in -> {
      LocalDate accepted = date().generate(in);
      return RiskAcceptance.builder()
          .acceptedBy(text().generate(in))
          .approver(optional(text()).generate(in))
          .acceptedOn(accepted)
          .expiresOn(onOrAfter(accepted, 800).generate(in))
          .rating(ratings().generate(in))
          .build();
    };
  }

  /** Returns valid risk criteria, some naming who may approve risks above them. */
  public static Gen<RiskCriteria> criteria() {
    return in ->
        RiskCriteria.builder()
            .maxAcceptableLevel(enumValue(RiskLevel.class).generate(in))
            .acceptanceAuthorities(listOf(text(), 3).generate(in))
            .build();
  }

  /** Same as {@link #riskEntries()}. */
  public static Gen<RiskEntry> entries() {
    return riskEntries();
  }

  /**
   * Returns valid risk entries: an Annex C risk source, distinct Annex A controls, and a
   * justification whenever the residual rating exceeds the inherent one.
   */
  public static Gen<RiskEntry> riskEntries() {
    String[] sources =
        Catalog.standard().riskSources().stream().map(RiskSource::id).toArray(String[]::new);
    return in -> {
      RiskRating inherent = ratings().generate(in);
      RiskRating residual = ratings().generate(in);
      Optional<String> justification =
          residual.exceedsOnEitherAxis(inherent)
              ? Optional.of(text().generate(in))
              : optional(text()).generate(in);
      return RiskEntry.builder()
          .id(recordId().generate(in))
          .systemId(slug().generate(in))
          .category(enumValue(RiskCategory.class).generate(in))
          .riskSource(oneOf(sources).generate(in))
          .description(text().generate(in))
          .inherent(inherent)
          .residual(residual)
          .justification(justification)
          .treatment(enumValue(RiskTreatment.class).generate(in))
          .controls(controlIds(4).generate(in))
          .owner(text().generate(in))
          .reviewDate(date().generate(in))
          .acceptance(optional(acceptances()).generate(in))
          .build();
    };
  }
}
