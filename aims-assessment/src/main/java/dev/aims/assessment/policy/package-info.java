/**
 * Drafts of the seven core policies of an AI management system, generated as Markdown from the
 * organisation's records: the AI policy (Clause 5.2), AI risk management (6.1), AI acceptable use
 * (A.9), data governance for AI (A.7), AI incident management (A.8.4), the AI system life cycle
 * (A.6) and AI supplier management (A.10).
 *
 * <p>Start at {@link dev.aims.assessment.policy.PolicyGenerator#generate}. Each draft carries a
 * document-control block and seven sections, names the organisation's systems, roles, criteria and
 * suppliers, and cites the clauses and controls it serves. A draft is a starting point for people
 * to edit and approve, not an approved policy. Pure.
 */
package dev.aims.assessment.policy;
