package dev.aims.core.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The document-control record of one policy the organisation keeps (Clause 5.2, 7.5.2, 7.5.3).
 *
 * <p>The next review defaults to one year after the effective date (A.2.4 asks for reviews at
 * planned intervals). An approved policy names its approver; the next review must fall after the
 * effective date.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutablePolicyDocument.class)
@JsonDeserialize(builder = PolicyDocument.Builder.class)
public abstract class PolicyDocument {
  PolicyDocument() {}

  /** Returns the document id, e.g. {@code POL-AI-01}. */
  @NotBlank
  public abstract String id();

  /** Returns which policy this is. */
  public abstract PolicyKind kind();

  /** Returns the title; defaults to the usual title of its kind. */
  @Value.Default
  public String title() {
    return kind().title();
  }

  /** Returns the current version, e.g. {@code 1.0}. */
  @NotBlank
  public abstract String version();

  /** Returns the person or role that owns and maintains the policy. */
  @NotBlank
  public abstract String owner();

  /** Returns the person or body that approved the current version, once approved. */
  public abstract Optional<String> approver();

  /** Returns the status; {@code APPROVED} when an approver is named, {@code DRAFT} otherwise. */
  @Value.Default
  public PolicyStatus status() {
    return approver().isPresent() ? PolicyStatus.APPROVED : PolicyStatus.DRAFT;
  }

  /** Returns the day the current version takes effect. */
  public abstract LocalDate effectiveDate();

  /** Returns the day of the next planned review: one year after the effective date unless set. */
  @Value.Default
  public LocalDate nextReview() {
    return effectiveDate().plusYears(1);
  }

  /** Returns where the full text is kept (a path, URL or document-system reference), if given. */
  public abstract Optional<String> location();

  /** Returns the revision history, oldest first. */
  public abstract List<@Valid PolicyRevision> revisions();

  /** Returns whether the next review date has passed on {@code date}. */
  public boolean reviewOverdue(LocalDate date) {
    return date.isAfter(nextReview());
  }

  @Value.Check
  final void check() {
    Invariants.of("PolicyDocument", id())
        .constraints(this)
        .require(!title().isBlank(), "title", "NotBlank", title(), "must not be blank")
        .require(
            approver().map(a -> !a.isBlank()).orElse(true),
            "approver",
            "NotBlank",
            approver(),
            "must not be blank")
        .require(
            location().map(l -> !l.isBlank()).orElse(true),
            "location",
            "NotBlank",
            location(),
            "must not be blank")
        .require(
            status() != PolicyStatus.APPROVED || approver().isPresent(),
            "approver",
            "RequiredWhenApproved",
            approver(),
            "is required when status is APPROVED")
        .require(
            nextReview().isAfter(effectiveDate()),
            "nextReview",
            "AfterEffectiveDate",
            nextReview(),
            "must be after effectiveDate " + effectiveDate())
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PolicyDocument}. */
  public static final class Builder extends ImmutablePolicyDocument.Builder {}
}
