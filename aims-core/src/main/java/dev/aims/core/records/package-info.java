/**
 * Everything an organisation keeps for its AI management system, in one value: {@link
 * dev.aims.core.records.AimsRecords} holds the scope, the AI system register, risks, impact
 * assessments, the Statement of Applicability, objectives, audits, reviews, nonconformities,
 * corrective actions, improvements, competence and awareness records, supplier assessments,
 * incidents, policies and records of human oversight.
 *
 * <p>Assessments in {@code dev.aims.assessment} take an {@code AimsRecords}; the command line reads
 * one from a directory of JSON files. {@link
 * dev.aims.core.records.AimsRecords#consistencyProblems()} lists references between records that do
 * not resolve.
 */
package dev.aims.core.records;
