package dev.aims.assessment.policy;

/**
 * One numbered section of a policy.
 *
 * @param title the section heading, e.g. {@code Purpose and scope}
 * @param body the section text as Markdown
 */
public record PolicySection(String title, String body) {}
