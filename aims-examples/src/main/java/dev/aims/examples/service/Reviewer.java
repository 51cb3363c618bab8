package dev.aims.examples.service;

import dev.aims.evidence.record.HumanOversight;

/**
 * A person who reviews the model's borderline outputs before they take effect (A.9.2).
 *
 * @param <A> the type of application reviewed
 */
@FunctionalInterface
public interface Reviewer<A> {
  /**
   * Reviews one proposed decision.
   *
   * @param application the application
   * @param score the model's approval probability, between 0 and 1
   * @param proposed what the model proposes: {@code approve} or {@code decline}
   * @return the oversight given: who reviewed, the outcome and, when overridden, why
   */
  HumanOversight review(A application, double score, String proposed);
}
