package dev.aims.examples.service;

/**
 * The model behind {@link CreditDecisionService}: any scoring function, from a fixed formula to a
 * trained classifier.
 *
 * @param <A> the type of application the model scores
 */
@FunctionalInterface
public interface Scorer<A> {
  /**
   * Scores one application.
   *
   * @param application the application
   * @return the probability that the application should be approved, between 0 and 1
   */
  double score(A application);
}
