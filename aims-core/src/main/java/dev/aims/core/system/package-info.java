/**
 * The AI system register (A.4.2, A.6): {@link dev.aims.core.system.AiSystem} and the closed
 * vocabularies that describe an AI system and the organisation's roles toward it (Clause 4.1).
 *
 * <p>Build records with {@code AiSystem.builder()} and read them with {@link
 * dev.aims.core.json.AimsJson#mapper()}; {@code build()} checks the declared constraints and the
 * invariants of a record and reports them together (see {@link
 * dev.aims.core.validation.Invariants}).
 */
package dev.aims.core.system;
