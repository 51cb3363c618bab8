package dev.aims.benchmarks.sample;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An AI decision as a plain Java value: what the logging baselines serialise with Jackson.
 *
 * <p>It carries the same fields, with the same values, as the evidence log's decision record, so
 * that the JSON each baseline writes is about the size of the evidence log's canonical leaf. Absent
 * oversight is left out of the JSON (most decisions are not reviewed by a person).
 *
 * @param type the record type, always {@code "ai-decision"}
 * @param occurredAt when the decision was taken
 * @param system the AI system id
 * @param controls the Annex A controls the record evidences (A.6.2.8)
 * @param body the decision itself
 */
public record DecisionEvent(
    String type, Instant occurredAt, String system, List<String> controls, Body body) {

  /**
   * The decision's body.
   *
   * @param model the model name
   * @param modelVersion the model version
   * @param input a salted commitment to the input (hex SHA-256), never the raw input
   * @param output a redacted summary of the output
   * @param confidence the model's confidence as a decimal string
   * @param decision the decision taken
   * @param oversight the human oversight of the decision, when a person reviewed it
   * @param traceId the W3C trace id of the request
   */
  public record Body(
      String model,
      String modelVersion,
      String input,
      String output,
      String confidence,
      String decision,
      Optional<Oversight> oversight,
      String traceId) {}

  /**
   * Human oversight of one decision.
   *
   * @param reviewer who reviewed the decision
   * @param outcome what the reviewer did ({@code APPROVED}, {@code MODIFIED})
   */
  public record Oversight(String reviewer, String outcome) {}
}
