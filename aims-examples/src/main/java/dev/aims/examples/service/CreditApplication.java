package dev.aims.examples.service;

import java.util.Map;

/**
 * A credit application as the service receives it. It holds personal data, so it never enters the
 * evidence log as it is: the log keeps a salted commitment to it.
 *
 * @param applicantId the applicant's id
 * @param annualIncome yearly income in whole currency units
 * @param debt outstanding debt in whole currency units
 * @param yearsEmployed years in current employment
 */
public record CreditApplication(
    String applicantId, long annualIncome, long debt, int yearsEmployed) {

  /** Returns the application as a JSON tree for a commitment. */
  Map<String, Object> asTree() {
    return Map.of(
        "applicantId", applicantId,
        "annualIncome", annualIncome,
        "debt", debt,
        "yearsEmployed", (long) yearsEmployed);
  }
}
