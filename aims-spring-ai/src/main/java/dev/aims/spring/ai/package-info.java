/**
 * Evidence of Spring AI chat calls: {@link dev.aims.spring.ai.EvidenceAdvisor}, a {@code
 * ChatClient} advisor that logs every call and every streamed answer as an AI decision (ISO/IEC
 * 42001 A.6.2.8 event logs) through the shared {@link dev.aims.evidence.genai.GenAiRecorder}.
 *
 * <p>Add it with {@code ChatClient.builder(model).defaultAdvisors(EvidenceAdvisor.builder(log)
 * .system("support-bot").build())}. A plain library: the Spring Boot auto-configuration lives in
 * the starter.
 */
package dev.aims.spring.ai;
