package dev.aims.assessment.scope;

import dev.aims.assessment.asof.RecordsAsOf;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.scope.ContextIssue;
import dev.aims.core.scope.InterestedParty;
import dev.aims.core.scope.PartyRequirement;
import dev.aims.core.supplier.SupplierAssessment;
import dev.aims.core.system.AiRole;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.DataSource;
import dev.aims.core.system.ModelVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scope statement of an AI management system (Clause 4.3), drawn from the records as they stood
 * on a day: the boundaries, the AI systems in scope with the organisation's roles, each system's
 * interfaces and dependencies (models, data sources, suppliers and their latest assessment), the
 * exclusions with their justification, the interested parties and their requirements (Clause 4.2),
 * the internal and external issues considered (Clause 4.1), and the open points an auditor would
 * raise.
 *
 * <p>An exclusion is written "what: why"; the text after the first colon is its justification, and
 * an exclusion without one is an open point. A registered AI system that the scope neither includes
 * nor excludes by name is an open point too, and so is a system id in the scope that the register
 * lacks. Pure.
 *
 * @param organisation the organisation's name
 * @param asOf the day the statement is drawn on
 * @param boundaries the boundaries of the AIMS, empty when no scope is recorded
 * @param roles the organisation's roles for AI (ISO/IEC 22989), e.g. {@code AI provider}
 * @param systems the AI systems in scope, in the scope's order
 * @param exclusions what the AIMS excludes, each with its justification
 * @param interestedParties the interested parties and their requirements
 * @param issues the internal and external issues considered, each "external: ..." or "internal:
 *     ..."
 * @param openPoints what the records leave open for Clause 4.3, empty when nothing
 */
public record ScopeStatement(
    String organisation,
    LocalDate asOf,
    Optional<String> boundaries,
    List<String> roles,
    List<SystemInScope> systems,
    List<Exclusion> exclusions,
    List<Party> interestedParties,
    List<String> issues,
    List<String> openPoints) {
  /** Copies the lists; every component is required. */
  public ScopeStatement {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(boundaries, "boundaries");
    roles = List.copyOf(roles);
    systems = List.copyOf(systems);
    exclusions = List.copyOf(exclusions);
    interestedParties = List.copyOf(interestedParties);
    issues = List.copyOf(issues);
    openPoints = List.copyOf(openPoints);
  }

  /**
   * One AI system in scope.
   *
   * @param id the system id
   * @param name the system's name; empty when the register lacks the system
   * @param purpose the intended purpose
   * @param roles the organisation's roles for this system, in words
   * @param status the system's status and life-cycle stage, in words
   * @param owner who owns the system
   * @param interfaces what the system exchanges with: its output and the people it reaches
   * @param dependencies what it depends on: models, data sources, suppliers
   */
  public record SystemInScope(
      String id,
      Optional<String> name,
      String purpose,
      List<String> roles,
      String status,
      String owner,
      List<String> interfaces,
      List<String> dependencies) {
    /** Copies the lists. */
    public SystemInScope {
      roles = List.copyOf(roles);
      interfaces = List.copyOf(interfaces);
      dependencies = List.copyOf(dependencies);
    }
  }

  /**
   * One exclusion from the scope.
   *
   * @param what what is excluded
   * @param justification why, as recorded; empty when none is
   */
  public record Exclusion(String what, Optional<String> justification) {}

  /**
   * One interested party.
   *
   * @param name the party
   * @param kind the kind of party, in words
   * @param requirements its requirements, each with "(addressed by the AIMS)" or "(not addressed by
   *     the AIMS)"
   */
  public record Party(String name, String kind, List<String> requirements) {
    /** Copies the requirements. */
    public Party {
      requirements = List.copyOf(requirements);
    }
  }

  /** Draws the scope statement of {@code records} as they stood on {@code asOf}. */
  public static ScopeStatement of(AimsRecords records, LocalDate asOf) {
    AimsRecords r = RecordsAsOf.on(records, asOf);
    Optional<AimsScope> scope = r.scope();
    List<String> open = new ArrayList<>();
    if (scope.isEmpty()) {
      open.add(
          "No scope is recorded (scope.json): Clause 4.3 requires it as documented information");
      return new ScopeStatement(
          r.organisationName(),
          asOf,
          Optional.empty(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          open);
    }
    AimsScope s = scope.get();
    List<SystemInScope> systems = new ArrayList<>();
    for (String id : s.systemIds()) {
      Optional<AiSystem> system = r.system(id);
      if (system.isEmpty()) {
        open.add(id + " is in scope but not in the AI system register (systems/)");
        systems.add(
            new SystemInScope(
                id, Optional.empty(), "", List.of(), "not registered", "", List.of(), List.of()));
      } else {
        systems.add(system(system.get(), r.supplierAssessments()));
      }
    }
    List<Exclusion> exclusions = new ArrayList<>();
    for (String x : s.exclusions()) {
      int colon = x.indexOf(':');
      String why = colon < 0 ? "" : x.substring(colon + 1).trim();
      String what = colon < 0 ? x.trim() : x.substring(0, colon).trim();
      exclusions.add(new Exclusion(what, why.isEmpty() ? Optional.empty() : Optional.of(why)));
      if (why.isEmpty()) {
        open.add("The exclusion \"" + what + "\" gives no justification (write \"what: why\")");
      }
    }
    for (AiSystem sys : r.systems()) {
      boolean named =
          s.exclusions().stream()
              .anyMatch(
                  x ->
                      x.toLowerCase(Locale.ROOT).contains(sys.id().toLowerCase(Locale.ROOT))
                          || x.toLowerCase(Locale.ROOT)
                              .contains(sys.name().toLowerCase(Locale.ROOT)));
      if (!s.includes(sys.id()) && !named) {
        open.add(
            sys.id()
                + " is in the AI system register but neither in scope nor excluded with a"
                + " justification");
      }
    }
    List<Party> parties = new ArrayList<>();
    for (InterestedParty p : s.interestedParties()) {
      parties.add(
          new Party(
              p.name(),
              words(p.kind().name()),
              p.requirements().stream().map(ScopeStatement::requirement).toList()));
    }
    if (s.interestedParties().isEmpty()) {
      open.add("No interested party is recorded (Clause 4.2)");
    }
    for (PartyRequirement q : s.unaddressedRequirements()) {
      open.add("\"" + q.description() + "\" is not addressed by the AIMS: say why, or address it");
    }
    List<String> issues = new ArrayList<>();
    for (ContextIssue i : s.issues()) {
      issues.add(
          words(i.type().name())
              + ": "
              + i.description()
              + (i.climateChangeRelevant() ? " (relevant to climate change)" : ""));
    }
    return new ScopeStatement(
        r.organisationName(),
        asOf,
        Optional.of(s.boundaries()),
        roles(s.roles()),
        systems,
        exclusions,
        parties,
        issues,
        open);
  }

  private static SystemInScope system(AiSystem s, List<SupplierAssessment> assessments) {
    List<String> interfaces = new ArrayList<>();
    interfaces.add("Output: " + words(s.outputType().name()));
    interfaces.add(
        "Reaches: "
            + s.affectedPopulation().description()
            + " ("
            + words(s.affectedPopulation().scale().name())
            + " scale, "
            + words(s.affectedPopulation().vulnerability().name())
            + ")");
    interfaces.add("Human oversight: " + words(s.humanOversight().name()));
    List<String> dependencies = new ArrayList<>();
    for (ModelVersion m : s.models()) {
      dependencies.add(
          "Model "
              + m.name()
              + " "
              + m.version()
              + m.supplier().map(x -> " from " + x).orElse(" (own)"));
    }
    for (DataSource d : s.dataSources()) {
      dependencies.add(
          "Data "
              + d.name()
              + " ("
              + words(d.kind().name())
              + (d.containsPersonalData() ? ", personal data" : "")
              + "): "
              + d.provenance());
    }
    for (String supplier : s.suppliers()) {
      Optional<SupplierAssessment> latest =
          assessments.stream()
              .filter(a -> a.supplier().equals(supplier))
              .filter(a -> a.systemIds().isEmpty() || a.systemIds().contains(s.id()))
              .max(Comparator.comparing(SupplierAssessment::assessedOn));
      dependencies.add(
          "Supplier "
              + supplier
              + latest
                  .map(
                      a ->
                          " (assessed "
                              + a.assessedOn()
                              + ", "
                              + words(a.outcome().name())
                              + ", "
                              + a.id()
                              + ")")
                  .orElse(" (no supplier assessment, A.10.3)"));
    }
    return new SystemInScope(
        s.id(),
        Optional.of(s.name()),
        s.intendedPurpose(),
        roles(s.roles()),
        words(s.status().name()) + ", " + words(s.lifecycleStage().name()),
        s.owner(),
        interfaces,
        dependencies);
  }

  private static String requirement(PartyRequirement q) {
    return q.description()
        + (q.addressedByAims() ? " (addressed by the AIMS)" : " (not addressed by the AIMS)")
        + (q.climateChangeRelevant() ? " (relevant to climate change)" : "");
  }

  private static List<String> roles(Set<AiRole> roles) {
    return roles.stream().sorted().map(x -> words(x.name())).collect(Collectors.toList());
  }

  /** Returns an enum name in words: {@code AI_PROVIDER} becomes {@code AI provider}. */
  private static String words(String name) {
    String w = name.toLowerCase(Locale.ROOT).replace('_', ' ');
    return w.startsWith("ai ")
        ? "AI " + w.substring(3)
        : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** Renders the statement as Markdown, one section per part of Clause 4.3. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Scope of the AI management system of ").append(organisation).append("\n\n");
    md.append("Clause 4.3. Drawn from the AIMS records as of ").append(asOf).append(".\n\n");
    md.append("## Boundaries\n\n").append(boundaries.orElse("Not recorded.")).append("\n\n");
    md.append("## Roles of the organisation\n\n");
    list(md, roles.isEmpty() ? List.of("Not recorded.") : roles);
    md.append("## AI systems in scope\n\n");
    if (systems.isEmpty()) {
      md.append("None recorded.\n\n");
    }
    for (SystemInScope s : systems) {
      md.append("### ")
          .append(s.name().map(n -> n + " (`" + s.id() + "`)").orElse("`" + s.id() + "`"));
      md.append("\n\n");
      if (s.name().isEmpty()) {
        md.append("Not in the AI system register.\n\n");
        continue;
      }
      md.append("- Purpose: ").append(s.purpose()).append('\n');
      md.append("- Roles: ").append(String.join(", ", s.roles())).append('\n');
      md.append("- Status: ").append(s.status()).append('\n');
      md.append("- Owner: ").append(s.owner()).append("\n\n");
      md.append("Interfaces:\n\n");
      list(md, s.interfaces());
      md.append("Dependencies:\n\n");
      list(md, s.dependencies().isEmpty() ? List.of("None recorded.") : s.dependencies());
    }
    md.append("## Exclusions\n\n");
    if (exclusions.isEmpty()) {
      md.append("None.\n\n");
    } else {
      md.append("| Excluded | Justification |\n|---|---|\n");
      for (Exclusion x : exclusions) {
        md.append("| ")
            .append(cell(x.what()))
            .append(" | ")
            .append(x.justification().map(ScopeStatement::cell).orElse("**none given**"))
            .append(" |\n");
      }
      md.append('\n');
    }
    md.append("## Interested parties and their requirements\n\n");
    if (interestedParties.isEmpty()) {
      md.append("None recorded.\n\n");
    } else {
      md.append("| Party | Kind | Requirements |\n|---|---|---|\n");
      for (Party p : interestedParties) {
        md.append("| ")
            .append(cell(p.name()))
            .append(" | ")
            .append(p.kind())
            .append(" | ")
            .append(
                String.join("<br>", p.requirements().stream().map(ScopeStatement::cell).toList()))
            .append(" |\n");
      }
      md.append('\n');
    }
    md.append("## Issues considered (Clause 4.1)\n\n");
    list(md, issues.isEmpty() ? List.of("None recorded.") : issues);
    md.append("## Open points\n\n");
    list(
        md,
        openPoints.isEmpty()
            ? List.of("None: the records cover every part of Clause 4.3.")
            : openPoints);
    return md.toString();
  }

  /** Escapes what would end a Markdown table cell early. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace('\n', ' ');
  }

  private static void list(StringBuilder md, List<String> items) {
    items.forEach(i -> md.append("- ").append(i).append('\n'));
    md.append('\n');
  }
}
