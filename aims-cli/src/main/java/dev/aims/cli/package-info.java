/**
 * The {@code aims} command: a picocli front end over the catalogue, the assessments and the
 * evidence log, for governance teams and auditors.
 *
 * <p>{@link dev.aims.cli.Aims} is the entry point; each sub-command is a class of its own that
 * reads its inputs, calls the libraries and prints a table, or JSON with {@code --json}.
 */
package dev.aims.cli;
