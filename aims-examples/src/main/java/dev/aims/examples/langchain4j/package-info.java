/**
 * An LLM application on LangChain4j whose chat-model calls are recorded as evidence through the
 * {@link dev.aims.langchain4j.EvidenceChatModelListener} of {@code aims-langchain4j}, with the
 * OpenTelemetry GenAI attribute names ({@code gen_ai.provider.name}, {@code gen_ai.request.model},
 * token usage). A local stand-in model answers, so the example needs no network and no API key.
 */
package dev.aims.examples.langchain4j;
