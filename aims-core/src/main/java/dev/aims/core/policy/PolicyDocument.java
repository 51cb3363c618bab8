package dev.aims.core.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.ArrayList;
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
    List<Violation> found = new ArrayList<>();
    text(found, "id", id());
    text(found, "title", title());
    text(found, "version", version());
    text(found, "owner", owner());
    approver().ifPresent(a -> text(found, "approver", a));
    location().ifPresent(l -> text(found, "location", l));
    if (status() == PolicyStatus.APPROVED && approver().isEmpty()) {
      found.add(
          new Violation(
              "approver", "RequiredWhenApproved", "empty", "is required when status is APPROVED"));
    }
    if (!nextReview().isAfter(effectiveDate())) {
      found.add(
          new Violation(
              "nextReview",
              "AfterEffectiveDate",
              nextReview().toString(),
              "must be after effectiveDate " + effectiveDate()));
    }
    if (!found.isEmpty()) {
      throw new InvalidRecordException("PolicyDocument '" + id() + "'", found);
    }
  }

  static void text(List<Violation> found, String field, String value) {
    if (value.isBlank()) {
      found.add(new Violation(field, "NotBlank", "'" + value + "'", "must not be blank"));
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PolicyDocument}. */
  public static final class Builder extends ImmutablePolicyDocument.Builder {}
}
