package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.clauseOrControlIds;
import static dev.aims.core.testing.CommonGen.date;
import static dev.aims.core.testing.CommonGen.decimal;
import static dev.aims.core.testing.CommonGen.distinctBy;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.recordId;
import static dev.aims.core.testing.CommonGen.slug;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.objective.AiObjective;
import dev.aims.core.objective.ObjectiveStatus;
import dev.aims.core.objective.TargetDirection;
import java.math.BigDecimal;
import java.util.Optional;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.objective} values. */
public final class ObjectiveGen {
  private ObjectiveGen() {}

  /** Returns valid objectives, measurable or not. */
  public static Gen<AiObjective> objectives() {
    return in -> {
      Optional<String> metric = optional(text()).generate(in);
      Optional<BigDecimal> target =
          metric.isPresent() ? optional(decimal()).generate(in) : Optional.empty();
      return AiObjective.builder()
          .id(recordId().generate(in))
          .statement(text().generate(in))
          .metric(metric)
          .target(target)
          .unit(target.isPresent() ? optional(text()).generate(in) : Optional.empty())
          .direction(enumValue(TargetDirection.class).generate(in))
          .measured(metric.isPresent() ? optional(decimal()).generate(in) : Optional.empty())
          .dueDate(optional(date()).generate(in))
          .owner(text().generate(in))
          .status(enumValue(ObjectiveStatus.class).generate(in))
          .plannedActions(listOf(text(), 3).generate(in))
          .systemIds(distinctBy(listOf(slug(), 3).generate(in), s -> s))
          .references(clauseOrControlIds(3).generate(in))
          .build();
    };
  }
}
