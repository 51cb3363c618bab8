/**
 * Pure, deterministic functions over AIMS records: risk scoring, impact classification, SoA checks,
 * gap analysis, roadmaps, readiness checklists, policies and reports.
 *
 * <p>No function here does I/O, reads the clock, logs or draws random numbers: dates are arguments
 * and the same input always gives the same output. Sub-packages are named after the clause they
 * serve.
 */
package dev.aims.assessment;
