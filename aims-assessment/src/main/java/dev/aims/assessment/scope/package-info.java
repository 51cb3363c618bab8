/**
 * The scope statement of the AI management system (Clause 4.3): {@link
 * dev.aims.assessment.scope.ScopeStatement#of} draws it from the records (scope, AI system
 * register, supplier assessments) and renders it as Markdown or as a value for JSON.
 *
 * <p>The statement lists the boundaries, the AI systems in scope with the organisation's roles,
 * their interfaces and dependencies, the exclusions with their justification, the interested
 * parties and their requirements, and what the records leave open. Pure: the day is an argument.
 */
package dev.aims.assessment.scope;
