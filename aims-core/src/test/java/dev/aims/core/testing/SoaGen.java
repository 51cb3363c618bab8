package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.bool;
import static dev.aims.core.testing.CommonGen.date;
import static dev.aims.core.testing.CommonGen.distinctBy;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.oneOf;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.pick;
import static dev.aims.core.testing.CommonGen.recordId;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Control;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaDecision;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.soa} values. */
public final class SoaGen {
  private static final ImplementationStatus[] APPLICABLE_STATUSES = {
    ImplementationStatus.NOT_STARTED,
    ImplementationStatus.PLANNED,
    ImplementationStatus.IN_PROGRESS,
    ImplementationStatus.IMPLEMENTED
  };

  private SoaGen() {}

  /** Returns valid decisions on an entry. */
  public static Gen<SoaDecision> decisions() {
    return in -> SoaDecision.of(text().generate(in), date().generate(in), bool().generate(in));
  }

  /**
   * Returns valid entries for the control {@code controlId} (an Annex A id, or with {@code
   * organisationSpecific} the organisation's own): excluded ones are {@code NOT_APPLICABLE},
   * applicable ones any other status; evidence and risk ids are distinct.
   */
  public static Gen<SoaEntry> entries(String controlId, boolean organisationSpecific) {
    return in -> {
      boolean applicable = bool().generate(in);
      return SoaEntry.builder()
          .controlId(controlId)
          .organisationSpecific(organisationSpecific)
          .title(
              organisationSpecific
                  ? Optional.of(text().generate(in))
                  : optional(text()).generate(in))
          .applicable(applicable)
          .justification(text().generate(in))
          .implementationStatus(
              applicable
                  ? oneOf(APPLICABLE_STATUSES).generate(in)
                  : ImplementationStatus.NOT_APPLICABLE)
          .evidence(distinctBy(listOf(text(), 3).generate(in), s -> s))
          .riskIds(distinctBy(listOf(recordId(), 3).generate(in), s -> s))
          .owner(optional(text()).generate(in))
          .targetDate(optional(date()).generate(in))
          .decision(optional(decisions()).generate(in))
          .build();
    };
  }

  /**
   * Returns valid entries of any Annex A control, its id given in the standard's spelling or in
   * lower case (the entry stores the standard's).
   */
  public static Gen<SoaEntry> annexAEntries() {
    String[] ids = Catalog.standard().controls().stream().map(Control::id).toArray(String[]::new);
    return in -> {
      String id = oneOf(ids).generate(in);
      return entries(bool().generate(in) ? id : id.toLowerCase(java.util.Locale.ROOT), false)
          .generate(in);
    };
  }

  /** Returns valid organisation-specific entries, e.g. {@code ORG.3}, each with a title. */
  public static Gen<SoaEntry> organisationEntries() {
    return in ->
        entries(oneOf("ORG.", "KL-DATA-", "ops_").generate(in) + (1 + pick(in, 99)), true)
            .generate(in);
  }

  /**
   * Returns valid statements of applicability: one entry for each of the 38 Annex A controls, in
   * the standard's order, then 0 to 3 organisation-specific controls; some approved.
   */
  public static Gen<StatementOfApplicability> statements() {
    List<String> annexA = Catalog.standard().controls().stream().map(Control::id).toList();
    return in -> {
      List<SoaEntry> entries = new ArrayList<>();
      for (String id : annexA) {
        entries.add(entries(id, false).generate(in));
      }
      int own = pick(in, 4);
      for (int i = 1; i <= own; i++) {
        String prefix = oneOf("ORG.", "KL-DATA-", "ops_").generate(in);
        entries.add(entries(prefix + i, true).generate(in));
      }
      StatementOfApplicability.Builder b =
          StatementOfApplicability.builder().version(text().generate(in)).entries(entries);
      if (bool().generate(in)) {
        b.id(recordId().generate(in));
      }
      Optional<LocalDate> approvedOn = optional(date()).generate(in);
      approvedOn.ifPresent(d -> b.approvedOn(d).approvedBy(text().generate(in)));
      return b.build();
    };
  }
}
