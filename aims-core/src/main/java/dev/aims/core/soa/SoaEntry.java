package dev.aims.core.soa;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.UnknownIdException;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One line of the Statement of Applicability (Clause 6.1.3): a control, whether it applies, why,
 * how far it is implemented, the evidence that shows it and the risks that chose it.
 *
 * <p>An entry names either an Annex A control (its id is checked against the catalogue, ignoring
 * case, and stored in the standard's spelling) or, with {@link #organisationSpecific()}, a control
 * of the organisation's own design such as {@code ORG.1}, which must carry a title and may not
 * reuse Annex A numbering. A justification is required for every entry: the standard asks for the
 * reasons behind both inclusions and exclusions.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableSoaEntry.class)
@JsonDeserialize(builder = SoaEntry.Builder.class)
public abstract class SoaEntry {
  /** Form of an organisation-specific control id, e.g. {@code ORG.1} or {@code KL-DATA-3}. */
  public static final Pattern ORGANISATION_ID_PATTERN =
      Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,31}");

  SoaEntry() {}

  /** Returns the control id: an Annex A id such as {@code A.6.2.8}, or the organisation's own. */
  @NotBlank
  public abstract String controlId();

  /** Returns whether this is a control of the organisation's own design, outside Annex A. */
  @Value.Default
  public boolean organisationSpecific() {
    return false;
  }

  /**
   * Returns the title; required for organisation-specific controls, optional for Annex A controls
   * (whose title comes from the catalogue, see {@link #displayTitle()}).
   */
  public abstract Optional<String> title();

  /** Returns whether the control applies to the organisation's AI management system. */
  public abstract boolean applicable();

  /** Returns why the control is included or excluded; never blank. */
  @NotBlank
  public abstract String justification();

  /**
   * Returns how far the control is implemented; defaults to {@code NOT_STARTED} for applicable
   * controls and {@code NOT_APPLICABLE} for excluded ones.
   */
  @Value.Default
  public ImplementationStatus implementationStatus() {
    return applicable() ? ImplementationStatus.NOT_STARTED : ImplementationStatus.NOT_APPLICABLE;
  }

  /** Returns references to the evidence of implementation (documents, records, log entries). */
  public abstract List<@NotBlank String> evidence();

  /** Returns the ids of the risks whose treatment chose this control (Clause 6.1.3). */
  public abstract List<@NotBlank String> riskIds();

  /** Returns the person responsible for the control, when named. */
  public abstract Optional<String> owner();

  /** Returns the date by which the control should be in operation, when planned. */
  public abstract Optional<LocalDate> targetDate();

  /** Returns who decided this entry and whether it differs from the proposal, once decided. */
  public abstract Optional<SoaDecision> decision();

  /** Returns the entry's title, or the catalogue title of its Annex A control. */
  public String displayTitle() {
    return title().orElseGet(() -> Catalog.standard().control(controlId()).title());
  }

  @Value.Check
  SoaEntry check() {
    List<Violation> found = new ArrayList<>();
    String id = controlId().trim();
    String canonical = id;
    if (organisationSpecific()) {
      if (Catalog.standard().isControl(id)) {
        found.add(
            violation(
                "controlId",
                "OrganisationSpecific",
                controlId(),
                "is an Annex A control, so organisationSpecific must be false"));
      } else if (id.toUpperCase(Locale.ROOT).startsWith("A.")) {
        found.add(
            violation(
                "controlId",
                "OrganisationSpecific",
                controlId(),
                "uses Annex A numbering; an organisation-specific control needs its own prefix,"
                    + " e.g. ORG.1"));
      } else if (!ORGANISATION_ID_PATTERN.matcher(id).matches()) {
        found.add(
            violation(
                "controlId",
                "Pattern",
                controlId(),
                "is not a valid organisation-specific id (a letter, then letters, digits, '.',"
                    + " '_' or '-', at most 32)"));
      }
      if (title().map(String::isBlank).orElse(true)) {
        found.add(
            new Violation(
                "title",
                "Required",
                title().map(t -> "'" + t + "'").orElse("empty"),
                "is required for an organisation-specific control"));
      }
    } else {
      try {
        canonical = Catalog.standard().control(id).id();
      } catch (UnknownIdException e) {
        found.add(
            violation(
                "controlId",
                "AnnexAControl",
                controlId(),
                "is not an Annex A control of ISO/IEC 42001:2023"
                    + (e.suggestions().isEmpty()
                        ? ""
                        : "; nearest: " + String.join(", ", e.suggestions()))
                    + "; set organisationSpecific to true for a control of your own"));
      }
    }
    if (justification().isBlank()) {
      found.add(
          violation(
              "justification",
              "NotBlank",
              justification(),
              applicable()
                  ? "is required for an included control: say why it applies"
                  : "is required when a control is excluded: say why it does not apply"));
    }
    boolean notApplicable = implementationStatus() == ImplementationStatus.NOT_APPLICABLE;
    if (applicable() == notApplicable) {
      found.add(
          violation(
              "implementationStatus",
              "MatchesApplicable",
              implementationStatus().name(),
              "contradicts applicable="
                  + applicable()
                  + " (NOT_APPLICABLE is for excluded controls, and only for them)"));
    }
    blanksAndDuplicates(found, "evidence", evidence());
    blanksAndDuplicates(found, "riskIds", riskIds());
    owner()
        .filter(String::isBlank)
        .ifPresent(o -> found.add(violation("owner", "NotBlank", o, "must not be blank")));
    if (!found.isEmpty()) {
      throw new InvalidRecordException("SoaEntry '" + controlId() + "'", found);
    }
    if (!canonical.equals(controlId())) {
      return SoaEntry.builder().from(this).controlId(canonical).build();
    }
    return this;
  }

  static Violation violation(String path, String constraint, String value, String message) {
    return new Violation(path, constraint, "'" + value + "'", message);
  }

  static void blanksAndDuplicates(List<Violation> found, String field, List<String> values) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v.isBlank()) {
        found.add(violation(field + "[" + i + "]", "NotBlank", v, "must not be blank"));
      } else if (!seen.add(v)) {
        found.add(violation(field + "[" + i + "]", "Unique", v, "is listed twice"));
      }
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SoaEntry}. */
  public static final class Builder extends ImmutableSoaEntry.Builder {}
}
