package dev.aims.assessment.policy;

import dev.aims.core.policy.PolicyKind;
import java.util.List;

/**
 * A generated policy: its document-control block and its seven sections (purpose and scope, policy
 * statement, roles and responsibilities, requirements, monitoring and compliance, related
 * documents, revision history).
 *
 * @param kind which policy
 * @param control the document-control block
 * @param sections the seven sections, in order
 * @param references the clauses and controls the policy cites, in order of first mention
 */
public record PolicyDraft(
    PolicyKind kind,
    DocumentControl control,
    List<PolicySection> sections,
    List<String> references) {
  /** The section titles every policy has, in order. */
  public static final List<String> SECTION_TITLES =
      List.of(
          "Purpose and scope",
          "Policy statement",
          "Roles and responsibilities",
          "Requirements",
          "Monitoring and compliance",
          "Related documents",
          "Revision history");

  /** Copies the lists and checks that the sections are the seven, in order. */
  public PolicyDraft {
    sections = List.copyOf(sections);
    references = List.copyOf(references);
    List<String> titles = sections.stream().map(PolicySection::title).toList();
    if (!titles.equals(SECTION_TITLES)) {
      throw new IllegalArgumentException(
          "sections must be " + SECTION_TITLES + " but were " + titles);
    }
  }

  /** Returns the policy as a Markdown document. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(control.title()).append("\n\n");
    md.append("| Document control | |\n|---|---|\n");
    row(md, "Document id", control.id());
    row(md, "Version", control.version());
    row(md, "Status", control.status());
    row(md, "Owner", control.owner());
    row(md, "Approver", control.approver());
    row(md, "Effective date", control.effectiveDate().toString());
    row(md, "Next review", control.nextReview().toString());
    row(md, "Serves", String.join(", ", references));
    for (int i = 0; i < sections.size(); i++) {
      PolicySection s = sections.get(i);
      md.append("\n## ").append(i + 1).append(". ").append(s.title()).append("\n\n");
      md.append(s.body().strip()).append('\n');
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
  }
}
