package dev.aims.spring.boot.autoconfigure;

import dev.aims.evidence.genai.ContentCapture;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code aims.ai.*} properties: what the AI framework integrations (Spring AI, LangChain4j)
 * record of each model call in the evidence log, the same choices for every integration.
 *
 * @param enabled Whether the integrations record model calls; false leaves every ChatClient without
 *     the evidence advisor.
 * @param system The id of the AI system whose calls are recorded (its AI system record), such as
 *     credit-scoring; required by the integrations that record calls.
 * @param modelVersion The model version to record; defaults to the model that answered each call.
 * @param content How prompts and completions are kept: COMMITMENT (a salted commitment, erasable),
 *     REDACTED_SUMMARY (a summary with the personal data removed, by the application's
 *     ContentPolicy bean) or PLAIN_TEXT (never erasable; needs aims.evidence.allow-plain-values).
 * @param providerName The gen_ai.provider.name to record, such as openai or anthropic; not recorded
 *     when unset (the integration cannot always see which provider answers).
 */
@ConfigurationProperties("aims.ai")
public record AimsAiProperties(
    @DefaultValue("true") boolean enabled,
    String system,
    String modelVersion,
    @DefaultValue("commitment") ContentCapture content,
    String providerName) {}
