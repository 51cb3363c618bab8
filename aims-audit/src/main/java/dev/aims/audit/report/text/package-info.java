/**
 * The plain-text (terminal) renderings of the assessments: one renderer per analysis ({@link
 * dev.aims.audit.report.text.SoaText}, {@link dev.aims.audit.report.text.GapText}, {@link
 * dev.aims.audit.report.text.ReadinessText}, {@link dev.aims.audit.report.text.RoadmapText}, {@link
 * dev.aims.audit.report.text.RiskText}, {@link dev.aims.audit.report.text.ImpactText}), each a pure
 * function from the library's values to the text the {@code aims} command line prints.
 *
 * <p>Hosts other than the command line (an admin endpoint, a CI job) call the same renderers to get
 * the same text; tables are laid out by {@link dev.aims.audit.report.text.TextTable}. Lines end
 * with the platform's line separator, as {@link java.io.PrintWriter#println()} writes them.
 */
package dev.aims.audit.report.text;
