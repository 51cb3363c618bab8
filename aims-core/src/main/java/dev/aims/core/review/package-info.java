/**
 * Management review records (Clause 9.3): who reviewed the AIMS and when, which of the inputs
 * Clause 9.3.2 requires were covered, and the decisions Clause 9.3.3 asks for.
 *
 * <p>{@link dev.aims.core.review.ManagementReview#missingInputs()} lists the required inputs a
 * review did not cover.
 */
package dev.aims.core.review;
