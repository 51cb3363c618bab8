/**
 * Evidence of LangChain4j chat-model calls: every call of a {@code ChatModel} or {@code
 * StreamingChatModel} becomes an AI decision in the AIMS evidence log (A.6.2.8), every failed call
 * an availability event (A.6.2.6), with the OpenTelemetry GenAI attribute names.
 *
 * <p>Register an {@link dev.aims.langchain4j.EvidenceChatModelListener} on the model's builder
 * ({@code .listeners(...)}) when a lost record may be reported and the call go on; wrap the model
 * with {@link dev.aims.langchain4j.EvidenceChatModel} or {@link
 * dev.aims.langchain4j.EvidenceStreamingChatModel} when a call whose record cannot be stored must
 * fail (a log built with {@code FailurePolicy.FAIL_CLOSED}): LangChain4j ignores what its listeners
 * throw.
 */
package dev.aims.langchain4j;
