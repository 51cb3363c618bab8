/**
 * A remediation roadmap from a gap analysis: actions in 30, 60 and 90 days and a strategic horizon,
 * ordered by a documented priority (mandatory documents first, then high risks, then controls, then
 * the other requirements).
 *
 * <p>Start at {@link dev.aims.assessment.roadmap.RoadmapPlanner#plan}. The start date is an
 * argument; due dates count from it. Pure.
 */
package dev.aims.assessment.roadmap;
