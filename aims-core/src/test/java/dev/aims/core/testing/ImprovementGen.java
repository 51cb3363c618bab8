package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.bool;
import static dev.aims.core.testing.CommonGen.clauseOrControlIds;
import static dev.aims.core.testing.CommonGen.date;
import static dev.aims.core.testing.CommonGen.distinctBy;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.onOrAfter;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.recordId;
import static dev.aims.core.testing.CommonGen.slug;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.improvement.CorrectiveAction;
import dev.aims.core.improvement.CorrectiveActionStatus;
import dev.aims.core.improvement.EffectivenessCheck;
import dev.aims.core.improvement.ImprovementItem;
import dev.aims.core.improvement.ImprovementSource;
import dev.aims.core.improvement.ImprovementStatus;
import dev.aims.core.improvement.Nonconformity;
import dev.aims.core.improvement.NonconformityStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.improvement} values. */
public final class ImprovementGen {
  private ImprovementGen() {}

  /** Returns valid nonconformities; closed ones have a root cause and closing date. */
  public static Gen<Nonconformity> nonconformities() {
    return in -> {
      NonconformityStatus status = enumValue(NonconformityStatus.class).generate(in);
      boolean closed = status == NonconformityStatus.CLOSED;
      LocalDate raised = date().generate(in);
      List<String> refs = clauseOrControlIds(3).generate(in);
      return Nonconformity.builder()
          .id(recordId().generate(in))
          .source(enumValue(ImprovementSource.class).generate(in))
          .sourceId(optional(recordId()).generate(in))
          .description(text().generate(in))
          .references(refs.isEmpty() ? List.of("10.2") : refs)
          .systemIds(distinctBy(listOf(slug(), 2).generate(in), s -> s))
          .raisedOn(raised)
          .raisedBy(text().generate(in))
          .correction(optional(text()).generate(in))
          .rootCause(closed ? Optional.of(text().generate(in)) : optional(text()).generate(in))
          .status(status)
          .closedOn(closed ? Optional.of(onOrAfter(raised, 90).generate(in)) : Optional.empty())
          .build();
    };
  }

  /** Returns valid effectiveness checks on or after {@code day}. */
  public static Gen<EffectivenessCheck> effectivenessChecks(LocalDate day, boolean effective) {
    return in ->
        EffectivenessCheck.builder()
            .checkedOn(onOrAfter(day, 60).generate(in))
            .checkedBy(text().generate(in))
            .effective(effective)
            .notes(text().generate(in))
            .build();
  }

  /** Returns valid corrective actions whose dates and status agree. */
  public static Gen<CorrectiveAction> correctiveActions() {
    return in -> {
      CorrectiveActionStatus status = enumValue(CorrectiveActionStatus.class).generate(in);
      LocalDate raised = date().generate(in);
      boolean done =
          status == CorrectiveActionStatus.IMPLEMENTED || status == CorrectiveActionStatus.CLOSED;
      Optional<LocalDate> completed =
          done ? Optional.of(onOrAfter(raised, 90).generate(in)) : Optional.empty();
      Optional<EffectivenessCheck> check =
          status == CorrectiveActionStatus.CLOSED
              ? Optional.of(effectivenessChecks(completed.get(), true).generate(in))
              : completed.isPresent()
                  ? optional(effectivenessChecks(completed.get(), bool().generate(in))).generate(in)
                  : Optional.empty();
      return CorrectiveAction.builder()
          .id(recordId().generate(in))
          .nonconformityId(recordId().generate(in))
          .action(text().generate(in))
          .owner(text().generate(in))
          .raisedOn(raised)
          .dueDate(onOrAfter(raised, 120).generate(in))
          .status(status)
          .completedOn(completed)
          .effectivenessCheck(check)
          .build();
    };
  }

  /** Returns valid improvement items whose dates and status agree. */
  public static Gen<ImprovementItem> improvementItems() {
    return in -> {
      ImprovementStatus status = enumValue(ImprovementStatus.class).generate(in);
      LocalDate raised = date().generate(in);
      return ImprovementItem.builder()
          .id(recordId().generate(in))
          .description(text().generate(in))
          .source(enumValue(ImprovementSource.class).generate(in))
          .sourceId(optional(recordId()).generate(in))
          .benefit(optional(text()).generate(in))
          .references(clauseOrControlIds(3).generate(in))
          .owner(text().generate(in))
          .raisedOn(raised)
          .dueDate(optional(onOrAfter(raised, 365)).generate(in))
          .status(status)
          .completedOn(
              status.isFinished()
                  ? Optional.of(onOrAfter(raised, 365).generate(in))
                  : optional(onOrAfter(raised, 365)).generate(in))
          .build();
    };
  }
}
