package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.bool;
import static dev.aims.core.testing.CommonGen.date;
import static dev.aims.core.testing.CommonGen.distinctBy;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.nonEmptyEnumSet;
import static dev.aims.core.testing.CommonGen.onOrAfter;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.recordId;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.competence.AwarenessMethod;
import dev.aims.core.competence.AwarenessRecord;
import dev.aims.core.competence.AwarenessTopic;
import dev.aims.core.competence.CompetenceEvidence;
import dev.aims.core.competence.CompetenceRecord;
import dev.aims.core.competence.EvidenceKind;
import java.time.LocalDate;
import java.util.Optional;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.competence} values. */
public final class CompetenceGen {
  private CompetenceGen() {}

  /** Returns valid competence evidence; expiry, when present, is not before the date obtained. */
  public static Gen<CompetenceEvidence> evidence() {
    return in -> {
      Optional<LocalDate> obtained = optional(date()).generate(in);
      return CompetenceEvidence.builder()
          .kind(enumValue(EvidenceKind.class).generate(in))
          .description(text().generate(in))
          .obtainedOn(obtained)
          .validUntil(
              obtained.isPresent()
                  ? optional(onOrAfter(obtained.get(), 1500)).generate(in)
                  : optional(date()).generate(in))
          .build();
    };
  }

  /** Returns valid competence records: competent ones have evidence, the others actions. */
  public static Gen<CompetenceRecord> competenceRecords() {
    return in -> {
      boolean competent = bool().generate(in);
      CompetenceRecord.Builder b =
          CompetenceRecord.builder()
              .id(recordId().generate(in))
              .person(text().generate(in))
              .role(text().generate(in))
              .addRequiredCompetences(text().generate(in))
              .addAllRequiredCompetences(listOf(text(), 2).generate(in))
              .evidence(listOf(evidence(), 3).generate(in))
              .assessedOn(date().generate(in))
              .assessedBy(text().generate(in))
              .competent(competent)
              .actions(listOf(text(), 2).generate(in));
      return competent
          ? b.addEvidence(evidence().generate(in)).build()
          : b.addActions(text().generate(in)).build();
    };
  }

  private static <T> java.util.List<T> nonEmpty(java.util.List<T> values, T first) {
    java.util.List<T> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(values);
    return all;
  }

  /** Returns valid awareness records with distinct participants. */
  public static Gen<AwarenessRecord> awarenessRecords() {
    return in ->
        AwarenessRecord.builder()
            .id(recordId().generate(in))
            .participants(
                distinctBy(nonEmpty(listOf(text(), 3).generate(in), text().generate(in)), p -> p))
            .topics(nonEmptyEnumSet(AwarenessTopic.class).generate(in))
            .deliveredOn(date().generate(in))
            .method(enumValue(AwarenessMethod.class).generate(in))
            .materials(optional(text()).generate(in))
            .build();
  }
}
