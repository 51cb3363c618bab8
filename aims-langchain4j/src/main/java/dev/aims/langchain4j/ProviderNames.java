package dev.aims.langchain4j;

import dev.langchain4j.model.ModelProvider;
import java.util.Locale;

/** The OpenTelemetry GenAI convention's {@code gen_ai.provider.name} of LangChain4j's providers. */
final class ProviderNames {
  private ProviderNames() {}

  /**
   * Returns the convention's name of {@code provider}; {@code OTHER} (and an unknown provider) map
   * to {@code otherName}, providers the convention does not name to their lower-case enum name.
   */
  static String of(ModelProvider provider, String otherName) {
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
