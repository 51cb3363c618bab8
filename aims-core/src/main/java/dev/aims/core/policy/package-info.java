/**
 * Metadata of the policies an organisation keeps for its AI management system: the AI policy of
 * Clause 5.2 and the topic policies beside it (risk, acceptable use, data, incidents, life cycle,
 * suppliers).
 *
 * <p>A {@link dev.aims.core.policy.PolicyDocument} is the document-control record of one policy
 * (Clause 7.5.2, 7.5.3): id, version, owner, approver, effective date and next review. The text of
 * a policy is generated or kept elsewhere; {@link dev.aims.core.policy.PolicyKind} names the seven
 * core policies and what each one serves.
 */
package dev.aims.core.policy;
