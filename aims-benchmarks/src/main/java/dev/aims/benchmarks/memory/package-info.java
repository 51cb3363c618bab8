/**
 * The constant-memory check of issue 5: appending and verifying a 10,000,000-record evidence log,
 * each in its own JVM limited to a 256 MiB heap, reporting peak heap and resident set size. Run it
 * with {@code java -cp benchmarks.jar dev.aims.benchmarks.memory.ConstantMemoryCheck} (the log) and
 * {@code ReportStatsMemoryCheck} (the audit report's statistics).
 */
package dev.aims.benchmarks.memory;
