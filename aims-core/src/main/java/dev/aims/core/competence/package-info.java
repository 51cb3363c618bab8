/**
 * Competence and awareness records (Clauses 7.2, 7.3; A.4.6 human resources): evidence that the
 * people doing AIMS work are competent, and that staff know the AI policy, their part in the AIMS
 * and what happens when it is not followed.
 */
package dev.aims.core.competence;
