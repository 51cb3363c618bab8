/**
 * What an organisation's records showed on a given day: {@link
 * dev.aims.assessment.asof.RecordsAsOf#on} hides every record dated after it and undoes closures,
 * completions and approvals that came later.
 *
 * <p>Every analysis that takes a day (gap analysis, readiness, roadmap, policy drafts) looks at the
 * records through this view, so that an analysis "as of" a day never counts what did not yet exist.
 * Pure: the day is an argument.
 */
package dev.aims.assessment.asof;
