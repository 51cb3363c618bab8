/**
 * The reports of an audit pack: {@link dev.aims.audit.report.ReportData} computes what they show
 * once (assessments as of a day, the log's statistics in one bounded-memory pass, its verification,
 * evidence coverage and the auditor sample); {@link dev.aims.audit.report.HtmlReport} and {@link
 * dev.aims.audit.report.MarkdownReports} render it from Mustache templates under {@code
 * dev/aims/audit/report/}, HTML-escaped or Markdown-escaped by the template engine, never by hand.
 */
package dev.aims.audit.report;
