package dev.aims.assessment.risk;

import java.util.Objects;

/**
 * One problem {@link RiskRegisterCheck} found in a risk register.
 *
 * @param riskId the id of the entry concerned
 * @param kind what was found; carries its gravity and clause
 * @param field the field concerned, e.g. {@code acceptance.approver}
 * @param value the value found, as text ({@code empty} when absent)
 * @param message what is wrong and what to do, in words
 */
public record RiskFinding(
    String riskId, RiskFindingKind kind, String field, String value, String message) {
  /** Creates a finding; every component is required. */
  public RiskFinding {
    Objects.requireNonNull(riskId, "riskId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(message, "message");
  }

  /** Returns whether the finding is an error (see {@link RiskFindingKind#isError()}). */
  public boolean isError() {
    return kind.isError();
  }

  @Override
  public String toString() {
    return (kind.isError() ? "ERROR " : "WARNING ")
        + riskId
        + " "
        + field
        + " ("
        + value
        + "): "
        + message
        + " ["
        + kind
        + ", Clause "
        + kind.clause()
        + "]";
  }
}
