/**
 * Turns a JMH JSON result file into the tables of BENCHMARKS.md: every benchmark's median and
 * error, the ratios of the evidence log to the baselines measured in the same run, and each goal of
 * the benchmarks issue with whether this run met it. Used by {@link dev.aims.benchmarks.Bench}
 * after a run, or on its own over a saved result file.
 */
package dev.aims.benchmarks.report;
