/**
 * JMH benchmarks of the SDK's hot paths, each measured against a baseline in the same run. Run on
 * demand, never as part of {@code mvn verify}; results go into BENCHMARKS.md.
 */
package dev.aims.benchmarks;
