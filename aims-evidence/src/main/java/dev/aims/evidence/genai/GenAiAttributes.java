package dev.aims.evidence.genai;

/**
 * The OpenTelemetry GenAI semantic-convention attribute names that AI decisions carry in their
 * {@code attributes}, and the values of {@code gen_ai.operation.name} the integrations log.
 *
 * <p>Attributes are logged in the clear: only names, models, ids and counts go here, never a prompt
 * or a completion.
 */
public final class GenAiAttributes {
  /** The operation: {@code chat}, {@code text_completion}, {@code invoke_agent}, ... */
  public static final String OPERATION_NAME = "gen_ai.operation.name";

  /** The provider, e.g. {@code openai}, {@code anthropic}, {@code ollama}. */
  public static final String PROVIDER_NAME = "gen_ai.provider.name";

  /** The model the caller asked for. */
  public static final String REQUEST_MODEL = "gen_ai.request.model";

  /** The model that answered, as the provider names it (often with its version). */
  public static final String RESPONSE_MODEL = "gen_ai.response.model";

  /** The provider's id of the response. */
  public static final String RESPONSE_ID = "gen_ai.response.id";

  /** Why the model stopped, comma-separated, one per choice (e.g. {@code stop}). */
  public static final String FINISH_REASONS = "gen_ai.response.finish_reasons";

  /** Tokens in the prompt. */
  public static final String INPUT_TOKENS = "gen_ai.usage.input_tokens";

  /** Tokens in the completion. */
  public static final String OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

  /** The conversation (session, thread) the call belongs to. */
  public static final String CONVERSATION_ID = "gen_ai.conversation.id";

  /** The agent's name, for agent operations. */
  public static final String AGENT_NAME = "gen_ai.agent.name";

  /** The agent's id, for agent operations. */
  public static final String AGENT_ID = "gen_ai.agent.id";

  /** The tool's name, for tool executions. */
  public static final String TOOL_NAME = "gen_ai.tool.name";

  /** The tool call's id, for tool executions. */
  public static final String TOOL_CALL_ID = "gen_ai.tool.call.id";

  /** The kind of error of a failed call (an exception's class name, or a status). */
  public static final String ERROR_TYPE = "error.type";

  /** {@code gen_ai.operation.name} of a chat completion. */
  public static final String OPERATION_CHAT = "chat";

  /** {@code gen_ai.operation.name} of a text completion. */
  public static final String OPERATION_TEXT_COMPLETION = "text_completion";

  /** {@code gen_ai.operation.name} of a call to an agent. */
  public static final String OPERATION_INVOKE_AGENT = "invoke_agent";

  /** {@code gen_ai.operation.name} of an agent's creation. */
  public static final String OPERATION_CREATE_AGENT = "create_agent";

  /** {@code gen_ai.operation.name} of a tool's execution. */
  public static final String OPERATION_EXECUTE_TOOL = "execute_tool";

  private GenAiAttributes() {}
}
