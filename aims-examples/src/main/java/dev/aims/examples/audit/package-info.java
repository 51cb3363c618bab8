/**
 * The README's audit-pack and evidence-coverage snippets, compiled and tested: scan a log for the
 * evidence each control has, write an audit pack with an auditor's sample, verify it with typed
 * problems, and judge the gap analysis by the log.
 */
package dev.aims.examples.audit;
