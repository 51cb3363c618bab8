package dev.aims.core.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The seven core policies of an AI management system, and other policies. */
public enum PolicyKind {
  /** The AI policy set by top management (Clause 5.2, A.2.2). */
  AI_POLICY("ai-policy", "AI policy", List.of("5.2", "A.2.2", "A.2.3", "A.2.4")),
  /** How AI risks are assessed, treated and accepted (Clause 6.1, 8.2, 8.3). */
  AI_RISK_MANAGEMENT(
      "risk-management", "AI risk management policy", List.of("6.1.1", "6.1.2", "6.1.3", "8.2")),
  /** How people in the organisation may and may not use AI systems (A.9). */
  AI_ACCEPTABLE_USE(
      "acceptable-use", "AI acceptable use policy", List.of("A.9.2", "A.9.3", "A.9.4")),
  /** How data for AI systems is acquired, checked, traced and prepared (A.7). */
  DATA_GOVERNANCE(
      "data-governance",
      "Data governance policy for AI",
      List.of("A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6")),
  /** How AI incidents are reported, handled and communicated (A.8.4, A.3.3, Clause 10.2). */
  AI_INCIDENT_MANAGEMENT(
      "incident-management", "AI incident management policy", List.of("A.8.4", "A.3.3", "10.2")),
  /** How AI systems are specified, built, verified, deployed and operated (A.6). */
  AI_SYSTEM_LIFECYCLE(
      "lifecycle", "AI system life cycle policy", List.of("A.6.1.2", "A.6.1.3", "A.6.2.2")),
  /** How suppliers of AI systems, models and data are chosen and assessed (A.10). */
  AI_SUPPLIER_MANAGEMENT(
      "supplier-management", "AI supplier management policy", List.of("A.10.2", "A.10.3")),
  /** Any other policy the organisation keeps. */
  OTHER("other", "Other policy", List.of("7.5"));

  private final String slug;
  private final String title;
  private final List<String> references;

  PolicyKind(String slug, String title, List<String> references) {
    this.slug = slug;
    this.title = title;
    this.references = references;
  }

  /** Returns the short name used on the command line, e.g. {@code ai-policy}. */
  public String slug() {
    return slug;
  }

  /** Returns the usual title of such a policy. */
  public String title() {
    return title;
  }

  /** Returns the clauses and Annex A controls this policy serves, the first being the main one. */
  public List<String> references() {
    return references;
  }

  /** Returns the seven core policies, in the order they are usually written. */
  public static List<PolicyKind> core() {
    return Arrays.stream(values()).filter(k -> k != OTHER).toList();
  }

  /** Returns the kind with this slug or enum name (case ignored), if there is one. */
  public static Optional<PolicyKind> find(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values())
        .filter(
            k ->
                k.slug.equals(wanted)
                    || k.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(wanted))
        .findFirst();
  }

  /**
   * Returns the kind with this slug or enum name (case ignored).
   *
   * @throws IllegalArgumentException naming the value and the known slugs
   */
  public static PolicyKind of(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown policy '"
                        + name
                        + "'; known: "
                        + core().stream().map(PolicyKind::slug).collect(Collectors.joining(", "))));
  }
}
