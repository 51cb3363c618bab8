package dev.aims.core.soa;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Control;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Statement of Applicability required by Clause 6.1.3: every Annex A control exactly once, with
 * organisation-specific controls after them.
 *
 * <p>Construction fails, naming the field and the ids at fault, when a control of Annex A is
 * missing or any control id appears twice; unknown Annex A ids are already refused by {@link
 * SoaEntry}. Approval ({@link #approvedBy()} and {@link #approvedOn()}) is recorded together or not
 * at all.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableStatementOfApplicability.class)
@JsonDeserialize(builder = StatementOfApplicability.Builder.class)
public abstract class StatementOfApplicability {
  StatementOfApplicability() {}

  /** Returns the document id of the statement; {@code SOA} unless set. */
  @Value.Default
  @NotBlank
  public String id() {
    return "SOA";
  }

  /** Returns the version of the statement, e.g. {@code 1.2}. */
  @NotBlank
  public abstract String version();

  /** Returns the person who approved this version, once approved. */
  public abstract Optional<String> approvedBy();

  /** Returns the day this version was approved, once approved. */
  public abstract Optional<LocalDate> approvedOn();

  /** Returns the entries: the 38 Annex A controls and any organisation-specific ones. */
  public abstract List<@Valid SoaEntry> entries();

  /** Returns the entry for {@code controlId} (case ignored), if there is one. */
  public Optional<SoaEntry> entry(String controlId) {
    String wanted = controlId.trim().toUpperCase(Locale.ROOT);
    return entries().stream()
        .filter(e -> e.controlId().toUpperCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /** Returns the entries of Annex A controls, in the standard's order. */
  public List<SoaEntry> annexAEntries() {
    Map<String, SoaEntry> byId = new LinkedHashMap<>();
    entries().stream()
        .filter(e -> !e.organisationSpecific())
        .forEach(e -> byId.put(e.controlId(), e));
    return Catalog.standard().controls().stream().map(c -> byId.get(c.id())).toList();
  }

  /** Returns the organisation-specific entries, in the order given. */
  public List<SoaEntry> organisationEntries() {
    return entries().stream().filter(SoaEntry::organisationSpecific).toList();
  }

  /** Returns the entries that apply. */
  public List<SoaEntry> applicableEntries() {
    return entries().stream().filter(SoaEntry::applicable).toList();
  }

  /** Returns the entries that are excluded. */
  public List<SoaEntry> excludedEntries() {
    return entries().stream().filter(e -> !e.applicable()).toList();
  }

  /** Returns whether this version has been approved. */
  public boolean approved() {
    return approvedBy().isPresent();
  }

  @Value.Check
  final void check() {
    List<Violation> found = new ArrayList<>();
    if (version().isBlank()) {
      found.add(SoaEntry.violation("version", "NotBlank", version(), "must not be blank"));
    }
    if (id().isBlank()) {
      found.add(SoaEntry.violation("id", "NotBlank", id(), "must not be blank"));
    }
    if (approvedBy().isPresent() != approvedOn().isPresent()) {
      found.add(
          new Violation(
              approvedBy().isPresent() ? "approvedOn" : "approvedBy",
              "Together",
              "empty",
              "approvedBy and approvedOn are recorded together (approvedBy: "
                  + approvedBy().map(a -> "'" + a + "'").orElse("empty")
                  + ", approvedOn: "
                  + approvedOn().map(LocalDate::toString).orElse("empty")
                  + ")"));
    }
    approvedBy()
        .filter(String::isBlank)
        .ifPresent(
            a -> found.add(SoaEntry.violation("approvedBy", "NotBlank", a, "must not be blank")));
    Map<String, Integer> firstIndex = new LinkedHashMap<>();
    for (int i = 0; i < entries().size(); i++) {
      String key = entries().get(i).controlId().toUpperCase(Locale.ROOT);
      Integer earlier = firstIndex.putIfAbsent(key, i);
      if (earlier != null) {
        found.add(
            SoaEntry.violation(
                "entries[" + i + "].controlId",
                "Unique",
                entries().get(i).controlId(),
                "duplicates entries[" + earlier + "]: each control has exactly one entry"));
      }
    }
    List<String> missing = new ArrayList<>();
    for (Control c : Catalog.standard().controls()) {
      if (!firstIndex.containsKey(c.id().toUpperCase(Locale.ROOT))) {
        missing.add(c.id());
      }
    }
    if (!missing.isEmpty()) {
      found.add(
          new Violation(
              "entries",
              "AllAnnexAControls",
              String.join(", ", missing),
              missing.size()
                  + " of the 38 Annex A controls "
                  + (missing.size() == 1 ? "has" : "have")
                  + " no entry; each needs one, applicable or excluded"));
    }
    if (!found.isEmpty()) {
      throw new InvalidRecordException(
          "StatementOfApplicability '" + id() + "' version '" + version() + "'", found);
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StatementOfApplicability}. */
  public static final class Builder extends ImmutableStatementOfApplicability.Builder {}
}
