package dev.aims.assessment.policy;

import java.time.LocalDate;

/**
 * The document-control block of a policy (Clause 7.5.2, 7.5.3).
 *
 * @param id the document id
 * @param title the title
 * @param version the version
 * @param owner who maintains the policy
 * @param approver who approves it (or is to approve it)
 * @param effectiveDate the day it takes effect
 * @param nextReview the day of the next planned review: one year after the effective date unless
 *     the kept policy says otherwise
 * @param status draft, approved or withdrawn, in words
 */
public record DocumentControl(
    String id,
    String title,
    String version,
    String owner,
    String approver,
    LocalDate effectiveDate,
    LocalDate nextReview,
    String status) {}
