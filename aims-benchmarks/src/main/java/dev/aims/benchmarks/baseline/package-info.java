/**
 * The baselines the evidence log is measured against: Logback and Log4j2 writing the decision as
 * JSON to a file (plain logging, no integrity), a Jackson + SHA-256 hash chain + buffered file
 * (plain tamper evidence) and one fsync per record (plain durability). Each is a {@link
 * dev.aims.benchmarks.baseline.RecordSink}; tests check that each really writes what it claims.
 */
package dev.aims.benchmarks.baseline;
