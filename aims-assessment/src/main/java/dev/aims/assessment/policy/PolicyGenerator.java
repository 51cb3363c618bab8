package dev.aims.assessment.policy;

import dev.aims.assessment.asof.RecordsAsOf;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.objective.AiObjective;
import dev.aims.core.policy.PolicyDocument;
import dev.aims.core.policy.PolicyKind;
import dev.aims.core.policy.PolicyRevision;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.system.AiRole;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Generates the seven core policies as Markdown from an organisation's records.
 *
 * <p>The document-control block comes from the kept {@link PolicyDocument} of the same kind when
 * there is one (id, version, owner, approver, effective date, next review, revision history);
 * otherwise the draft gets an id of the form {@code POL-AI-POLICY}, version {@code 0.1}, the AIMS
 * manager as owner, top management as approver, {@code effectiveDate} as its effective date and a
 * review one year later. The text names the organisation, its AI systems and roles, its risk
 * criteria, suppliers, data and objectives, so that it reads as the organisation's own. Pure.
 */
public final class PolicyGenerator {
  private static final Pattern CITATION =
      Pattern.compile(
          "(?:Clause |Clauses )?\\b((?:A\\.\\d+(?:\\.\\d+){1,2})|(?:(?:10|[4-9])\\.\\d(?:\\.\\d)?))\\b");

  private PolicyGenerator() {}

  /** Generates all seven core policies. */
  public static List<PolicyDraft> generateAll(AimsRecords records, LocalDate effectiveDate) {
    return PolicyKind.core().stream().map(k -> generate(k, records, effectiveDate)).toList();
  }

  /**
   * Generates one policy.
   *
   * @param kind one of the seven core policies
   * @param records the organisation's records; only those dated on or before {@code effectiveDate}
   *     count ({@link RecordsAsOf})
   * @param effectiveDate the effective date of a new draft (a kept policy keeps its own)
   * @throws IllegalArgumentException for {@link PolicyKind#OTHER}, which has no template
   */
  public static PolicyDraft generate(PolicyKind kind, AimsRecords all, LocalDate effectiveDate) {
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    AimsRecords records = RecordsAsOf.on(all, effectiveDate);
    Facts f = new Facts(records);
    Text t =
        switch (kind) {
          case AI_POLICY -> aiPolicy(f);
          case AI_RISK_MANAGEMENT -> riskManagement(f);
          case AI_ACCEPTABLE_USE -> acceptableUse(f);
          case DATA_GOVERNANCE -> dataGovernance(f);
          case AI_INCIDENT_MANAGEMENT -> incidentManagement(f);
          case AI_SYSTEM_LIFECYCLE -> lifecycle(f);
          case AI_SUPPLIER_MANAGEMENT -> supplierManagement(f);
          case OTHER ->
              throw new IllegalArgumentException(
                  "policy kind OTHER has no template; choose one of "
                      + PolicyKind.core().stream().map(PolicyKind::slug).toList());
        };
    Optional<PolicyDocument> kept = records.policy(kind);
    DocumentControl control =
        kept.map(
                p ->
                    new DocumentControl(
                        p.id(),
                        p.title(),
                        p.version(),
                        p.owner(),
                        p.approver().orElse(f.top + " (approval pending)"),
                        p.effectiveDate(),
                        p.nextReview(),
                        words(p.status().name())))
            .orElseGet(
                () ->
                    new DocumentControl(
                        "POL-" + kind.slug().toUpperCase(Locale.ROOT),
                        kind.title() + " — " + f.org,
                        "0.1",
                        f.manager,
                        f.top,
                        effectiveDate,
                        effectiveDate.plusYears(1),
                        "draft"));
    List<PolicyRevision> revisions =
        kept.map(PolicyDocument::revisions)
            .filter(r -> !r.isEmpty())
            .orElseGet(
                () ->
                    List.of(
                        PolicyRevision.of(
                            control.version(),
                            control.effectiveDate(),
                            control.owner(),
                            "Drafted from the AIMS records")));
    StringBuilder history =
        new StringBuilder("| Version | Date | Author | Change |\n|---|---|---|---|\n");
    revisions.forEach(
        r ->
            history
                .append("| ")
                .append(r.version())
                .append(" | ")
                .append(r.date())
                .append(" | ")
                .append(r.author())
                .append(" | ")
                .append(r.summary())
                .append(" |\n"));
    List<PolicySection> sections =
        List.of(
            new PolicySection("Purpose and scope", t.purpose),
            new PolicySection("Policy statement", t.statement),
            new PolicySection("Roles and responsibilities", bullets(t.roles)),
            new PolicySection("Requirements", bullets(t.requirements)),
            new PolicySection("Monitoring and compliance", bullets(t.monitoring)),
            new PolicySection("Related documents", bullets(related(kind, records, t.related))),
            new PolicySection("Revision history", history.toString()));
    Set<String> refs = new LinkedHashSet<>(kind.references());
    // Only the text sections: versions and dates elsewhere could look like clause numbers.
    sections.subList(0, 5).forEach(s -> refs.addAll(citations(s.body())));
    return new PolicyDraft(kind, control, sections, List.copyOf(refs));
  }

  /** Returns the clause and control ids cited in {@code text}, in order of first mention. */
  static List<String> citations(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = CITATION.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return List.copyOf(out);
  }

  private record Text(
      String purpose,
      String statement,
      List<String> roles,
      List<String> requirements,
      List<String> monitoring,
      List<String> related) {}

  /** What the policies say about the organisation, read once from the records. */
  private static final class Facts {
    final AimsRecords records;
    final String org;
    final String top;
    final String manager;
    final List<AiSystem> systems;
    final List<AiSystem> provided;
    final List<AiSystem> used;
    final RiskCriteria criteria;
    final List<String> suppliers;

    Facts(AimsRecords records) {
      this.records = records;
      this.org = records.organisationName();
      this.top =
          records.organisation().flatMap(Organisation::topManagement).orElse("Top management");
      this.manager =
          records.organisation().flatMap(Organisation::aimsManager).orElse("The AIMS manager");
      this.systems = records.inScopeSystems();
      this.provided =
          systems.stream()
              .filter(
                  s ->
                      s.roles().contains(AiRole.AI_PROVIDER)
                          || s.roles().contains(AiRole.AI_PRODUCER))
              .toList();
      this.used = systems.stream().filter(s -> s.roles().contains(AiRole.AI_CUSTOMER)).toList();
      this.criteria = records.riskCriteria();
      Set<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      systems.forEach(s -> all.addAll(s.suppliers()));
      systems.forEach(s -> s.models().forEach(m -> m.supplier().ifPresent(all::add)));
      this.suppliers = List.copyOf(all);
    }

    String systemList(List<AiSystem> list) {
      if (list.isEmpty()) {
        return "none recorded yet";
      }
      return list.stream()
          .map(s -> s.name() + " (`" + s.id() + "`)")
          .collect(Collectors.joining(", "));
    }

    String scopeSentence() {
      return records
          .scope()
          .map(AimsScope::boundaries)
          .map(b -> "The AI management system covers: " + b + ".")
          .orElse("The scope of the AI management system is still to be recorded (Clause 4.3).");
    }

    String roles() {
      List<String> parts = new ArrayList<>();
      if (!provided.isEmpty()) {
        parts.add("the AI provider of " + systemList(provided));
      }
      if (!used.isEmpty()) {
        parts.add(
            "an AI user of " + systemList(used) + ", built on third-party models or services");
      }
      return parts.isEmpty()
          ? "involved with AI systems in the roles its register records"
          : String.join(", and ", parts);
    }

    String authorities() {
      return criteria.acceptanceAuthorities().isEmpty()
          ? "a named approver with the authority to do so"
          : String.join(" or ", criteria.acceptanceAuthorities());
    }
  }

  private static Text aiPolicy(Facts f) {
    List<String> objectives =
        f.records.objectives().stream()
            .map(o -> o.id() + ": " + o.statement() + target(o))
            .toList();
    return new Text(
        "This policy sets out how "
            + f.org
            + " develops, provides and uses artificial intelligence responsibly. It applies to"
            + " every AI system in the scope of the AI management system (AIMS) and to everyone who"
            + " works on or with them. "
            + f.scopeSentence()
            + " The AI systems in scope are: "
            + f.systemList(f.systems)
            + ".",
        f.org
            + " is "
            + f.roles()
            + ". We use AI where it serves our customers and the people affected by its outputs,"
            + " and only in ways we can explain, oversee and correct. We commit to meeting the"
            + " legal, regulatory and contractual requirements that apply to our AI systems, to"
            + " managing their risks and impacts, and to improving the AIMS continually (Clause 5.2)."
            + " This policy is the framework within which we set our AI objectives (Clause 6.2).",
        List.of(
            f.top
                + " approves this policy, provides the resources the AIMS needs and reviews the AIMS at planned intervals (Clause 5.1, 9.3).",
            f.manager
                + " maintains this policy, runs the AIMS day to day and reports on its performance to "
                + f.top
                + " (Clause 5.3).",
            "System owners ("
                + owners(f)
                + ") are accountable for their AI systems meeting this policy (A.3.2).",
            "Everyone working with AI systems follows this policy and raises concerns through the reporting channel (A.3.3)."),
        List.of(
            "Every AI system is recorded in the AI system register with its purpose, roles, models, data and suppliers before it is used (Clause 4.1, A.4.2).",
            "AI risks are assessed and treated against the organisation's risk criteria; the accepted level is "
                + f.criteria.maxAcceptableLevel()
                + " (Clause 6.1, 8.2, 8.3).",
            "The impact of each AI system on individuals, groups and society is assessed before use and after significant change (Clause 6.1.4, 8.4, A.5.2).",
            "Controls are chosen and justified in the Statement of Applicability (Clause 6.1.3).",
            "AI objectives are measurable and monitored"
                + (objectives.isEmpty()
                    ? ""
                    : "; current objectives: " + String.join("; ", objectives))
                + " (Clause 6.2).",
            "Topic policies on risk, acceptable use, data, incidents, the life cycle and suppliers align with this policy and with the organisation's other policies (A.2.3).",
            "This policy is communicated to staff and made available to interested parties as appropriate (Clause 5.2, 7.4)."),
        List.of(
            "Internal audits check conformity to this policy at planned intervals (Clause 9.2).",
            "Management reviews consider whether the policy is still suitable (Clause 9.3).",
            "The policy is reviewed at least once a year and after significant change (A.2.4).",
            "Breaches are handled as nonconformities with corrective action (Clause 10.2)."),
        List.of());
  }

  /**
   * Describes how the cells of {@code m} get their levels: the score bands, or, for a grid, each
   * likelihood level's row of levels by rising severity.
   */
  private static String levelsInWords(RiskMatrix m) {
    if (m.isBandBased()) {
      return "the score is their product and falls in these bands: "
          + m.bands().stream()
              .map(b -> b.level() + " " + b.minScore() + "–" + b.maxScore())
              .collect(Collectors.joining(", "));
    }
    List<String> rows = new ArrayList<>();
    for (int l = 1; l <= m.likelihoodLevels(); l++) {
      List<String> row = new ArrayList<>();
      for (int s = 1; s <= m.severityLevels(); s++) {
        row.add(m.level(l, s).toString());
      }
      rows.add(m.likelihoodName(l) + ": " + String.join(", ", row));
    }
    return "each cell's level is set in a grid, by likelihood and then by rising severity: "
        + String.join("; ", rows);
  }

  private static Text riskManagement(Facts f) {
    // The organisation's own matrix when its records define one: the policy states the matrix the
    // assessments actually score with (Clause 6.1.1 criteria), not the SDK's default.
    RiskMatrix m = RiskMatrix.forRecords(f.records);
    return new Text(
        "This policy defines how "
            + f.org
            + " identifies, analyses, evaluates and treats the risks of its AI systems, and how it"
            + " accepts the risks that remain. It covers every AI system in scope ("
            + f.systemList(f.systems)
            + ") over its whole life cycle.",
        "AI risks are managed through one repeatable process with documented criteria (Clause 6.1.1,"
            + " 6.1.2). Risks are rated on a "
            + m.likelihoodLevels()
            + " × "
            + m.severityLevels()
            + " matrix of likelihood ("
            + String.join(", ", m.likelihoodScale())
            + ") and severity ("
            + String.join(", ", m.severityScale())
            + "); "
            + levelsInWords(m)
            + ". A risk owner may accept a residual risk up to "
            + f.criteria.maxAcceptableLevel()
            + "; above that, only "
            + f.authorities()
            + " may accept it, for a limited time.",
        List.of(
            f.top + " sets the risk criteria and the acceptance authorities (Clause 6.1.1).",
            f.manager + " keeps the risk register and the risk assessment process (Clause 6.1.2).",
            "Risk owners ("
                + riskOwners(f)
                + ") assess, treat and review their risks, and accept residual risk within the criteria (Clause 6.1.3).",
            f.authorities()
                + " decide on accepting residual risks above "
                + f.criteria.maxAcceptableLevel()
                + "."),
        List.of(
            "Each risk records the AI system, its category, the Annex C risk source, inherent and residual ratings, the treatment, the controls chosen, the owner and the next review date (Clause 6.1.2).",
            "The treatment options are to modify the system, accept with monitoring, avoid, or transfer; the chosen controls are compared with Annex A and recorded in the Statement of Applicability (Clause 6.1.3).",
            "A residual rating above the inherent one needs a written justification.",
            "An acceptance records who accepted, the rating accepted and when it expires; a change of the residual rating makes it stale and requires a new decision (Clause 8.3).",
            "Impact assessment results feed the risk assessment (Clause 6.1.4).",
            "Risks are reassessed at their review date and whenever a system, its data or its use changes significantly (Clause 8.2)."),
        List.of(
            "The register currently holds "
                + f.records.risks().size()
                + " risks; overdue reviews and stale acceptances are reported in the gap analysis (Clause 9.1).",
            "Internal audits sample risk assessments and treatment decisions (Clause 9.2).",
            "Management reviews consider the risk profile and the effectiveness of treatments (Clause 9.3)."),
        List.of("Risk register", "AI system impact assessments"));
  }

  private static Text acceptableUse(Facts f) {
    List<String> uses =
        f.systems.stream()
            .map(s -> s.name() + ": " + s.intendedPurpose().replaceAll("[.\\s]+$", ""))
            .toList();
    return new Text(
        "This policy says how staff and contractors of "
            + f.org
            + " may and may not use AI systems, whether built in-house or obtained from others. It"
            + " applies to the AI systems in scope and to any general-purpose AI tool used for work.",
        "AI systems are used only for their documented intended purpose, with the human oversight"
            + " their impact requires, and never to make decisions that the organisation has not"
            + " approved for automation (A.9.2, A.9.4). The approved uses are: "
            + (uses.isEmpty() ? "none recorded yet" : String.join("; ", uses))
            + ".",
        List.of(
            f.manager + " maintains this policy and the list of approved AI uses (A.9.2).",
            "System owners ("
                + owners(f)
                + ") set the operating instructions and oversight for their systems (A.9.4).",
            "Managers make sure their teams know and follow this policy (Clause 7.3).",
            "Users follow the instructions for use and report misuse, errors and concerns (A.3.3)."),
        List.of(
            "Use each AI system only for its intended purpose as recorded in the AI system register (A.9.4).",
            "Apply the human oversight recorded for the system: " + oversight(f) + " (A.9.2).",
            "Do not enter personal, confidential or customer data into AI tools that are not approved for it (A.7.2).",
            "Do not present AI-generated content as human work where that would mislead (A.8.2).",
            "Record decisions taken with AI support so that they can be explained and reviewed (A.6.2.8).",
            "Objectives for responsible use are set and measured (A.9.3)."),
        List.of(
            "Oversight records show how many outputs people reviewed and overrode (A.9.2, Clause 9.1).",
            "Reported misuse is handled as an incident or nonconformity (Clause 10.2).",
            "Awareness sessions cover this policy (Clause 7.3)."),
        List.of("AI system register", "Records of human oversight"));
  }

  private static Text dataGovernance(Facts f) {
    List<String> sources = new ArrayList<>();
    for (AiSystem s : f.systems) {
      for (DataSource d : s.dataSources()) {
        sources.add(
            d.name()
                + " ("
                + words(d.kind().name())
                + " data of "
                + s.id()
                + (d.containsPersonalData() ? ", personal data" : "")
                + "; provenance: "
                + d.provenance()
                + ")");
      }
    }
    boolean personal =
        f.systems.stream()
            .flatMap(s -> s.dataSources().stream())
            .anyMatch(DataSource::containsPersonalData);
    return new Text(
        "This policy governs the data used to develop, test and run the AI systems of "
            + f.org
            + ": how it is acquired, checked for quality, traced and prepared (A.7). It covers the"
            + " data sources recorded for the systems in scope"
            + (sources.isEmpty()
                ? ", none of which is recorded yet."
                : ": " + String.join("; ", sources) + "."),
        "Data for AI systems is fit for its purpose, lawfully obtained, of known provenance and"
            + " prepared by documented methods. "
            + (personal
                ? "Some of this data is personal data; it is minimised and protected in line with the"
                    + " organisation's privacy obligations (A.2.3). "
                : "")
            + "Data quality is checked before data is used for training or decisions (A.7.4).",
        List.of(
            f.manager + " maintains this policy (A.7.2).",
            "System owners (" + owners(f) + ") approve the data sources of their systems (A.4.3).",
            "Data engineers and scientists apply the quality checks and keep provenance records (A.7.4, A.7.5).",
            "The data protection officer advises on personal data."),
        List.of(
            "Data management processes for developing and enhancing AI systems are defined and documented (A.7.2).",
            "Each data source records how it was acquired and under what terms (A.7.3).",
            "Data quality requirements are defined per use and checked, including representativeness for the people affected (A.7.4).",
            "Provenance is recorded across the data and system life cycles (A.7.5).",
            "Data preparation steps are chosen by documented criteria and kept under version control (A.7.6).",
            "Data resources are listed for each AI system in the register (A.4.3)."),
        List.of(
            "Quality check results are retained with each data release (Clause 9.1).",
            "Internal audits sample provenance and quality records (Clause 9.2).",
            "Data issues that affect outputs are handled as incidents (A.8.4)."),
        List.of("AI system register"));
  }

  private static Text incidentManagement(Facts f) {
    String severities =
        Arrays.stream(IncidentSeverity.values())
            .map(s -> words(s.name()))
            .collect(Collectors.joining(", "));
    return new Text(
        "This policy extends the incident management of "
            + f.org
            + " to AI incidents: events in which an AI system in scope ("
            + f.systemList(f.systems)
            + ") causes or could cause harm, behaves outside its intended purpose, or fails its"
            + " oversight. It applies to incidents found internally or reported by users, customers,"
            + " suppliers or others.",
        "AI incidents are reported without delay, contained, investigated to their cause,"
            + " communicated to the people affected and to the authorities where required, and"
            + " closed only when the cause is removed (A.8.4, Clause 10.2). Anyone may raise a"
            + " concern about an AI system without fear of reprisal (A.3.3).",
        List.of(
            f.manager + " owns this policy and the AI incident log (A.8.4).",
            "System owners (" + owners(f) + ") lead the response for their systems.",
            f.top
                + " is informed of every high or critical incident and decides on external communication.",
            "Suppliers of AI models and services ("
                + (f.suppliers.isEmpty() ? "none recorded" : String.join(", ", f.suppliers))
                + ") notify incidents that affect our systems (A.10.2)."),
        List.of(
            "Every AI incident is logged with the system, when it occurred and was detected, its severity ("
                + severities
                + "), the people affected and the controls concerned (A.8.4).",
            "Affected users and other interested parties are told what happened and what to do, in a way they can understand (A.8.4, A.8.5).",
            "Interested parties can report adverse impacts through a published channel (A.8.3).",
            "High and critical incidents raise a nonconformity, and its corrective action is checked for effectiveness (Clause 10.2).",
            "Event logs of AI systems are kept so that incidents can be reconstructed (A.6.2.8)."),
        List.of(
            "The incident log currently holds "
                + f.records.incidents().size()
                + " AI incidents; time to detect and resolve is reported to management reviews (Clause 9.1, 9.3).",
            "Where no real incident has occurred in a year, an exercise tests the process.",
            "Internal audits sample incident records (Clause 9.2)."),
        List.of("AI incident log", "Nonconformities and corrective actions"));
  }

  private static Text lifecycle(Facts f) {
    String stages =
        f.systems.stream()
            .map(s -> s.id() + " at " + words(s.lifecycleStage().name()))
            .collect(Collectors.joining(", "));
    return new Text(
        "This policy sets the criteria each AI system of "
            + f.org
            + " must meet at each stage of its life: inception, design and development,"
            + " verification and validation, deployment, operation and monitoring, re-evaluation and"
            + " retirement (A.6). The systems in scope are currently: "
            + (stages.isEmpty() ? "none recorded yet" : stages)
            + ".",
        "AI systems are built and changed to documented requirements, verified and validated"
            + " against defined criteria before release, deployed by plan, monitored in operation"
            + " and documented for the people who need to understand them (A.6.1.2, A.6.1.3)."
            + (f.provided.isEmpty()
                ? " The organisation develops no AI system itself; for systems it obtains, these"
                    + " criteria apply to acceptance, deployment and operation."
                : " This applies in full to the systems we develop: "
                    + f.systemList(f.provided)
                    + "."),
        List.of(
            f.manager + " maintains this policy and the development process (A.6.1.3).",
            "System owners (" + owners(f) + ") approve each release and each significant change.",
            "Developers and validators apply the requirements, tests and documentation rules (A.6.2.2 to A.6.2.7).",
            "Operations staff monitor systems and keep event logs (A.6.2.6, A.6.2.8)."),
        List.of(
            "Objectives for responsible development are documented and built into the life cycle (A.6.1.2).",
            "Requirements and specifications are documented for new systems and material changes (A.6.2.2).",
            "Design and development decisions are documented (A.6.2.3).",
            "Verification and validation measures and their acceptance criteria are defined before testing (A.6.2.4).",
            "A deployment plan confirms that requirements are met before release (A.6.2.5).",
            "Operation includes monitoring, repair, updates and support (A.6.2.6).",
            "Technical documentation is kept for each category of interested party (A.6.2.7).",
            "Event logging is enabled at least while a system is in use (A.6.2.8).",
            "A significant change triggers a new impact assessment and risk review (Clause 8.2, 8.4)."),
        List.of(
            "Release records show that validation criteria were met (Clause 9.1).",
            "Monitoring thresholds and alerts are reviewed monthly by the system owner.",
            "Internal audits sample one release per system per year (Clause 9.2)."),
        List.of("AI system register", "AI system impact assessments"));
  }

  private static Text supplierManagement(Facts f) {
    return new Text(
        "This policy governs how "
            + f.org
            + " chooses, assesses and works with third parties that supply AI models, data, tools"
            + " or services, and how responsibilities are split with partners, suppliers and"
            + " customers over the life cycle (A.10). Current AI suppliers: "
            + (f.suppliers.isEmpty() ? "none recorded" : String.join(", ", f.suppliers))
            + ".",
        "Third-party AI is used only after the supplier has been assessed against our"
            + " requirements for responsible AI, and only within the conditions of that assessment"
            + " (A.10.3). Responsibilities for each AI system are allocated in writing (A.10.2)."
            + (f.provided.isEmpty()
                ? ""
                : " As AI provider of "
                    + f.systemList(f.provided)
                    + ", we take our customers'"
                    + " needs and expectations into account (A.10.4)."),
        List.of(
            f.manager + " maintains this policy and the supplier assessment criteria.",
            "Procurement runs supplier assessments with the system owners (A.10.3).",
            "System owners ("
                + owners(f)
                + ") make sure their systems use only approved suppliers.",
            f.top + " approves the use of a supplier approved with conditions."),
        List.of(
            "Each AI supplier is assessed before first use and then at least yearly, against criteria that include change notification, data protection, transparency about models and incident reporting (A.10.3).",
            "An assessment records the components supplied, the systems using them, the outcome and any conditions (A.10.3).",
            "Contracts allocate responsibilities for the system's life cycle, including incident reporting and model changes (A.10.2).",
            "A rejected supplier is not used; existing use is ended or re-assessed.",
            "Risks arising from suppliers are recorded in the risk register with category supply chain (Clause 6.1.2)."),
        List.of(
            "Supplier assessments due for review are reported in the gap analysis (Clause 9.1).",
            "Supplier incidents are handled under the AI incident management policy (A.8.4).",
            "Internal audits sample supplier assessments (Clause 9.2)."),
        List.of("Supplier assessments", "Risk register"));
  }

  private static List<String> related(PolicyKind kind, AimsRecords records, List<String> extra) {
    List<String> out = new ArrayList<>();
    for (PolicyKind other : PolicyKind.core()) {
      if (other != kind) {
        out.add(
            records
                .policy(other)
                .map(p -> p.id() + " " + p.title() + " v" + p.version())
                .orElse(other.title() + " (`aims policy " + other.slug() + "`)"));
      }
    }
    out.add(
        records
            .soa()
            .map(
                s ->
                    "Statement of Applicability " + s.id() + " v" + s.version() + " (Clause 6.1.3)")
            .orElse("Statement of Applicability (Clause 6.1.3)"));
    out.add("Scope of the AI management system (Clause 4.3)");
    out.addAll(extra);
    return out;
  }

  private static String owners(Facts f) {
    Set<String> owners = new TreeSet<>();
    f.systems.forEach(s -> owners.add(s.owner()));
    return owners.isEmpty() ? "as named in the AI system register" : String.join(", ", owners);
  }

  private static String riskOwners(Facts f) {
    Set<String> owners = new TreeSet<>();
    f.records.risks().forEach(r -> owners.add(r.owner()));
    return owners.isEmpty() ? "as named in the risk register" : String.join(", ", owners);
  }

  private static String oversight(Facts f) {
    if (f.systems.isEmpty()) {
      return "as recorded in the register";
    }
    return f.systems.stream()
        .map(s -> s.id() + " " + words(s.humanOversight().name()))
        .collect(Collectors.joining(", "));
  }

  private static String target(AiObjective o) {
    if (o.metric().isEmpty() || o.target().isEmpty()) {
      return "";
    }
    return " ("
        + o.metric().get()
        + (o.direction().name().equals("AT_MOST") ? " at most " : " at least ")
        + o.target().get().toPlainString()
        + o.unit().map(u -> u.equals("%") ? u : " " + u).orElse("")
        + o.dueDate().map(d -> " by " + d).orElse("")
        + ")";
  }

  private static String bullets(List<String> items) {
    return items.stream().map(i -> "- " + i).collect(Collectors.joining("\n")) + "\n";
  }

  private static String words(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
