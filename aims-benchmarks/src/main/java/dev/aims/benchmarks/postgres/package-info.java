/**
 * The PostgreSQL benchmarks: acknowledged appends per second from several writer processes on one
 * database, against a plain batched INSERT and the file store measured in the same run.
 */
package dev.aims.benchmarks.postgres;
