package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.date;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.onOrAfter;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.recordId;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.policy.PolicyDocument;
import dev.aims.core.policy.PolicyKind;
import dev.aims.core.policy.PolicyRevision;
import dev.aims.core.policy.PolicyStatus;
import java.time.LocalDate;
import java.util.Optional;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.policy} values. */
public final class PolicyGen {
  private PolicyGen() {}

  /** Returns valid revisions. */
  public static Gen<PolicyRevision> revisions() {
    return in ->
        PolicyRevision.of(
            text().generate(in), date().generate(in), text().generate(in), text().generate(in));
  }

  /** Same as {@link #policies()}. */
  public static Gen<PolicyDocument> documents() {
    return policies();
  }

  /**
   * Returns valid policies: an approver whenever the status is {@code APPROVED}, the next review
   * after the effective date, title and next review sometimes left to their defaults.
   */
  public static Gen<PolicyDocument> policies() {
    return in -> {
      PolicyStatus status = enumValue(PolicyStatus.class).generate(in);
      LocalDate effective = date().generate(in);
      Optional<String> approver =
          status == PolicyStatus.APPROVED
              ? Optional.of(text().generate(in))
              : optional(text()).generate(in);
      PolicyDocument.Builder b =
          PolicyDocument.builder()
              .id(recordId().generate(in))
              .kind(enumValue(PolicyKind.class).generate(in))
              .version(text().generate(in))
              .owner(text().generate(in))
              .approver(approver)
              .status(status)
              .effectiveDate(effective)
              .location(optional(text()).generate(in))
              .revisions(listOf(revisions(), 3).generate(in));
      optional(text()).generate(in).ifPresent(b::title);
      optional(onOrAfter(effective.plusDays(1), 800)).generate(in).ifPresent(b::nextReview);
      return b.build();
    };
  }
}
