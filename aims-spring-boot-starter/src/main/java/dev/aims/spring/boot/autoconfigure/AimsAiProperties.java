package dev.aims.spring.boot.autoconfigure;

import dev.aims.evidence.genai.ContentCapture;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code aims.ai.*} properties: what the AI framework integrations (Spring AI, LangChain4j)
 * record of each model call in the evidence log, the same choices for every integration.
 *
 * @param system The id of the AI system whose calls are recorded (its AI system record), such as
 *     credit-scoring; required by the integrations that record calls.
 * @param modelVersion The model version to record; defaults to the model that answered each call.
 * @param content How prompts and completions are kept: COMMITMENT (a salted commitment, erasable),
 *     REDACTED_SUMMARY (a summary with the personal data removed) or PLAIN_TEXT (never erasable).
 */
@ConfigurationProperties("aims.ai")
public record AimsAiProperties(
    String system, String modelVersion, @DefaultValue("commitment") ContentCapture content) {}
