/**
 * The AI system register (A.4.2, A.6): {@link dev.aims.core.system.AiSystem} and the closed
 * vocabularies that describe an AI system and the organisation's roles toward it (Clause 4.1).
 *
 * <p>Build records with {@code AiSystem.builder()}, read them with {@link
 * dev.aims.core.json.AimsJson#mapper()}, and check their declared constraints with {@link
 * dev.aims.core.validation.RecordValidator#validate(Object, String)}.
 */
package dev.aims.core.system;
