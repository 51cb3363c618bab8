/**
 * Evidence of generative-AI calls, shared by the framework integrations (Spring AI, LangChain4j,
 * OpenTelemetry): the OpenTelemetry GenAI semantic-convention attribute names ({@link
 * dev.aims.evidence.genai.GenAiAttributes}), how a prompt and a completion appear in the log
 * ({@link dev.aims.evidence.genai.ContentPolicy}), and the mapping of one call ({@link
 * dev.aims.evidence.genai.GenAiExchange}) to an {@link dev.aims.evidence.record.AiDecision} by a
 * {@link dev.aims.evidence.genai.GenAiRecorder}.
 *
 * <p>Every integration logs the same record for the same call, so that an auditor reads one format
 * whichever framework a service uses.
 */
package dev.aims.evidence.genai;
