/**
 * Assessments of the suppliers of AI components (A.10.3): which supplier, which models, data or
 * services it provides, for which AI systems, the outcome and when to assess it again.
 */
package dev.aims.core.supplier;
