package dev.aims.examples.langchain4j;

import dev.langchain4j.model.ModelProvider;
import java.util.Locale;

/**
 * The OpenTelemetry GenAI semantic-convention attribute names this example records, and the mapping
 * of LangChain4j's providers to the convention's {@code gen_ai.provider.name} values.
 */
final class GenAiAttributes {
  static final String OPERATION_NAME = "gen_ai.operation.name";
  static final String PROVIDER_NAME = "gen_ai.provider.name";
  static final String REQUEST_MODEL = "gen_ai.request.model";
  static final String RESPONSE_MODEL = "gen_ai.response.model";
  static final String RESPONSE_ID = "gen_ai.response.id";
  static final String FINISH_REASONS = "gen_ai.response.finish_reasons";
  static final String INPUT_TOKENS = "gen_ai.usage.input_tokens";
  static final String OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

  private GenAiAttributes() {}

  /** Returns the convention's name for a LangChain4j provider ({@code OTHER} maps to a name). */
  static String providerName(ModelProvider provider, String otherName) {
    if (provider == null) {
      return otherName;
    }
    return switch (provider) {
      case OPEN_AI -> "openai";
      case AZURE_OPEN_AI -> "azure.ai.openai";
      case ANTHROPIC -> "anthropic";
      case AMAZON_BEDROCK -> "aws.bedrock";
      case GOOGLE_AI_GEMINI -> "gcp.gemini";
      case GOOGLE_VERTEX_AI_GEMINI -> "gcp.vertex_ai";
      case MISTRAL_AI -> "mistral_ai";
      case OTHER -> otherName;
      default -> provider.name().toLowerCase(Locale.ROOT);
    };
  }
}
