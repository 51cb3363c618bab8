package dev.aims.assessment.soa;

import dev.aims.core.catalog.ApplicabilityEmphasis;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Control;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.system.AiRole;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.SystemStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Proposes a Statement of Applicability from the organisation's roles toward its AI systems and
 * from its risk treatment (Clause 6.1.3, 4.1).
 *
 * <p>The rules, applied to every Annex A control in the standard's order:
 *
 * <ul>
 *   <li>a control that bears on providers and users alike (see {@link
 *       dev.aims.core.catalog.Control#emphasis()}) applies to every AI management system;
 *   <li>a provider control applies when the organisation is an AI provider or producer of a system
 *       in the register;
 *   <li>a user control applies when the organisation is an AI user (customer) of a system, that is,
 *       it runs a model or service from another provider; A.10.3 (suppliers) also applies when any
 *       system names a supplier;
 *   <li>whatever the roles, a control that a risk in the register chose as treatment applies, and
 *       is linked to those risks.
 * </ul>
 *
 * <p>Retired systems are ignored. The proposal is a starting point: a person confirms or changes it
 * through {@link SoaProposal#review()}. Pure and deterministic.
 */
public final class SoaProposer {
  private static final int NAMES_SHOWN = 3;

  private SoaProposer() {}

  /**
   * Proposes one entry for each of the 38 Annex A controls from the AI systems in scope and the
   * risk register of {@code records}.
   */
  public static SoaProposal propose(AimsRecords records) {
    return propose(records.inScopeSystems(), records.risks());
  }

  /**
   * Proposes one entry for each of the 38 Annex A controls.
   *
   * @param systems the AI system register
   * @param risks the risk register; the controls each risk chose are linked back to it
   * @return the proposal, in the standard's order of controls
   */
  public static SoaProposal propose(List<AiSystem> systems, List<RiskEntry> risks) {
    List<AiSystem> active =
        systems.stream().filter(s -> s.status() != SystemStatus.RETIRED).toList();
    Map<String, Set<String>> risksByControl = new TreeMap<>();
    for (RiskEntry r : risks) {
      for (String c : r.controls()) {
        String id = Catalog.standard().findControl(c).map(Control::id).orElse(c);
        risksByControl.computeIfAbsent(id, k -> new TreeSet<>()).add(r.id());
      }
    }
    List<AiSystem> providing = active.stream().filter(SoaProposer::isProviderOrProducer).toList();
    List<AiSystem> using =
        active.stream().filter(s -> s.roles().contains(AiRole.AI_CUSTOMER)).toList();
    List<AiSystem> supplied = active.stream().filter(s -> !s.suppliers().isEmpty()).toList();

    List<ProposedEntry> entries = new ArrayList<>();
    for (Control control : Catalog.standard().controls()) {
      Set<ApplicabilityBasis> bases = EnumSet.noneOf(ApplicabilityBasis.class);
      List<String> reasons = new ArrayList<>();
      ApplicabilityEmphasis emphasis = control.emphasis();
      if (emphasis == ApplicabilityEmphasis.BOTH) {
        bases.add(ApplicabilityBasis.EVERY_AIMS);
        reasons.add(
            active.isEmpty()
                ? "every AI management system needs it, whatever the organisation's roles"
                : "it bears on AI providers and AI users alike, and the organisation is "
                    + roleSummary(providing, using));
      }
      if (emphasis == ApplicabilityEmphasis.PROVIDER && !providing.isEmpty()) {
        bases.add(ApplicabilityBasis.AI_PROVIDER);
        reasons.add(
            "the organisation is the AI provider of "
                + names(providing)
                + ", which it develops and supplies");
      }
      if (emphasis == ApplicabilityEmphasis.USER && !using.isEmpty()) {
        bases.add(ApplicabilityBasis.AI_USER);
        reasons.add("the organisation is an AI user of " + usedWithSuppliers(using));
      }
      if (control.id().equals("A.10.3") && !supplied.isEmpty()) {
        bases.add(ApplicabilityBasis.THIRD_PARTY_SUPPLIERS);
        reasons.add(
            names(supplied)
                + " depend"
                + (supplied.size() == 1 ? "s" : "")
                + " on third-party suppliers ("
                + suppliers(supplied)
                + ")");
      }
      List<String> riskIds = List.copyOf(risksByControl.getOrDefault(control.id(), Set.of()));
      if (!riskIds.isEmpty()) {
        bases.add(ApplicabilityBasis.RISK_TREATMENT);
        reasons.add(
            "the treatment of risk"
                + (riskIds.size() == 1 ? " " : "s ")
                + String.join(", ", riskIds)
                + " chose it (Clause 6.1.3)");
      }
      boolean applicable = !bases.isEmpty();
      String justification =
          applicable
              ? "Applies: " + String.join("; ", reasons) + "."
              : "Excluded: "
                  + exclusionReason(emphasis, providing, using)
                  + ", and no risk in the register chose it.";
      entries.add(
          new ProposedEntry(
              control.id(), control.title(), applicable, justification, bases, riskIds));
    }
    return new SoaProposal(entries);
  }

  private static boolean isProviderOrProducer(AiSystem s) {
    return s.roles().contains(AiRole.AI_PROVIDER) || s.roles().contains(AiRole.AI_PRODUCER);
  }

  private static String exclusionReason(
      ApplicabilityEmphasis emphasis, List<AiSystem> providing, List<AiSystem> using) {
    if (emphasis == ApplicabilityEmphasis.PROVIDER) {
      return "it governs developing and providing AI systems, and the organisation develops or"
          + " provides none"
          + (using.isEmpty() ? "" : " (it is an AI user of " + names(using) + " only)");
    }
    return "it governs using AI systems of other providers, and the organisation uses none"
        + (providing.isEmpty() ? "" : " (it is an AI provider of " + names(providing) + " only)");
  }

  private static String roleSummary(List<AiSystem> providing, List<AiSystem> using) {
    List<String> parts = new ArrayList<>();
    if (!providing.isEmpty()) {
      parts.add("an AI provider of " + names(providing));
    }
    if (!using.isEmpty()) {
      parts.add("an AI user of " + usedWithSuppliers(using));
    }
    if (parts.isEmpty()) {
      return "involved with AI systems in other roles (see the register)";
    }
    return String.join(" and ", parts);
  }

  private static String usedWithSuppliers(List<AiSystem> using) {
    List<AiSystem> withSuppliers = using.stream().filter(s -> !s.suppliers().isEmpty()).toList();
    return names(using)
        + (withSuppliers.isEmpty()
            ? ", run on another provider's model"
            : ", run on a third-party model (" + suppliers(withSuppliers) + ")");
  }

  private static String suppliers(List<AiSystem> systems) {
    Set<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    systems.forEach(s -> all.addAll(s.suppliers()));
    return shortList(List.copyOf(all));
  }

  /** Returns "a, b and 2 more", naming systems by id. */
  static String names(List<AiSystem> systems) {
    return shortList(systems.stream().map(AiSystem::id).toList());
  }

  private static String shortList(List<String> items) {
    if (items.size() <= NAMES_SHOWN) {
      return items.size() <= 1
          ? String.join("", items)
          : String.join(", ", items.subList(0, items.size() - 1))
              + " and "
              + items.get(items.size() - 1);
    }
    return String.join(", ", items.subList(0, NAMES_SHOWN))
        + " and "
        + (items.size() - NAMES_SHOWN)
        + " more";
  }
}
