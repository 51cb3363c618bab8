package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * One of the 38 Annex A controls, with our own guidance for implementing and auditing it.
 *
 * <p>The id and title are the standard's; everything else (purpose, requirements, steps, evidence,
 * audit tips) is written in our own words and is not the standard's text. The standard's own
 * implementation guidance for the control is in Annex B under {@link #guidanceId()}.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableControl.class)
@JsonDeserialize(builder = Control.Builder.class)
public abstract class Control implements CatalogEntry {
  static final String ID_PATTERN = "A\\.(?:[2-9]|10)(?:\\.[12])?\\.[2-9]";

  Control() {}

  /** Returns the control id, e.g. {@code A.6.2.8}. */
  @Override
  public abstract String id();

  /** Returns the exact title in the standard. */
  @Override
  public abstract String title();

  /** Returns the Annex A area, e.g. {@code A.6}. */
  public abstract String areaId();

  /** Returns the control objective, e.g. {@code A.6.2}, or the area id where it has one. */
  public abstract String objectiveId();

  /** Returns why the control exists, in one or two sentences. */
  public abstract String purpose();

  /** Returns what an organisation must have in place to meet the control. */
  public abstract List<String> requirements();

  /** Returns practical steps to implement the control. */
  public abstract List<String> implementationSteps();

  /** Returns the evidence an auditor typically asks to see. */
  public abstract List<String> evidence();

  /** Returns what auditors look at closely, and common findings. */
  public abstract List<String> auditTips();

  /** Returns the leaf clauses (Clauses 4 to 10) that the control helps to meet. */
  public abstract List<String> supportsClauses();

  /** Returns the Annex B implementation guidance id, e.g. {@code B.6.2.8}. */
  public abstract String guidanceId();

  /** Returns whether the control bears mostly on AI providers, AI users, or both. */
  public abstract ApplicabilityEmphasis emphasis();

  @Value.Check
  final void check() {
    String owner = "control " + id();
    Checks.id(owner, id(), ID_PATTERN);
    Checks.text(owner, "title", title());
    Checks.text(owner, "purpose", purpose());
    if (!id().startsWith(objectiveId() + ".") || !objectiveId().startsWith(areaId())) {
      throw new IllegalArgumentException(
          owner
              + ": objectiveId '"
              + objectiveId()
              + "' and areaId '"
              + areaId()
              + "' must enclose the control id");
    }
    Checks.texts(owner, "requirements", requirements(), 2, 4);
    Checks.texts(owner, "implementationSteps", implementationSteps(), 2, 4);
    Checks.texts(owner, "evidence", evidence(), 2, 4);
    Checks.texts(owner, "auditTips", auditTips(), 2, 4);
    Checks.texts(owner, "supportsClauses", supportsClauses(), 1, 8);
    String expected = "B" + id().substring(1);
    if (!guidanceId().equals(expected)) {
      throw new IllegalArgumentException(
          owner + ": guidanceId was '" + guidanceId() + "' but must be '" + expected + "'");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Control} values. */
  public static final class Builder extends ImmutableControl.Builder {}
}
