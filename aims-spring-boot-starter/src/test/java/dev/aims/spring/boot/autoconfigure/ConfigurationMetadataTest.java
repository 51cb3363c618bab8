package dev.aims.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata that the annotation processor generated into the jar, which IDEs read
 * to complete and document the properties.
 */
class ConfigurationMetadataTest {
  static final Map<String, JsonNode> PROPERTIES = new HashMap<>();
  static final Map<String, JsonNode> HINTS = new HashMap<>();

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in =
        ConfigurationMetadataTest.class
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
      JsonNode root = new ObjectMapper().readTree(in);
      root.get("properties").forEach(p -> PROPERTIES.put(p.get("name").asText(), p));
      root.get("hints").forEach(h -> HINTS.put(h.get("name").asText(), h));
    }
  }

  @Test
  void metadata_listsEveryPropertyWithTypeAndDescription() {
    assertThat(PROPERTIES)
        .containsOnlyKeys(
            "aims.evidence.enabled",
            "aims.evidence.store",
            "aims.evidence.directory",
            "aims.evidence.origin",
            "aims.evidence.signer-key",
            "aims.evidence.previous-signer-key",
            "aims.evidence.durability",
            "aims.evidence.failure-policy",
            "aims.evidence.queue-capacity",
            "aims.evidence.allow-plain-values",
            "aims.evidence.checkpoint.records",
            "aims.evidence.checkpoint.interval",
            "aims.evidence.postgres.migrate",
            "aims.evidence.health.max-checkpoint-age",
            "aims.ai.enabled",
            "aims.ai.system",
            "aims.ai.model-version",
            "aims.ai.content",
            "aims.ai.provider-name");
    PROPERTIES.forEach(
        (name, p) -> {
          assertThat(p.path("type").asText()).as(name + " type").isNotEmpty();
          assertThat(p.path("description").asText()).as(name + " description").isNotBlank();
        });
    assertThat(PROPERTIES.get("aims.evidence.store").get("type").asText())
        .isEqualTo("dev.aims.spring.boot.autoconfigure.AimsEvidenceProperties$Store");
    assertThat(PROPERTIES.get("aims.ai.content").get("type").asText())
        .isEqualTo("dev.aims.evidence.genai.ContentCapture");
    assertThat(PROPERTIES.get("aims.evidence.signer-key").get("description").asText())
        .contains(".skey", "aims keygen");
  }

  @Test
  void metadata_givesTheDefaults() {
    assertThat(PROPERTIES.get("aims.evidence.enabled").get("defaultValue").asBoolean()).isTrue();
    assertThat(PROPERTIES.get("aims.evidence.store").get("defaultValue").asText())
        .isEqualTo("file");
    assertThat(PROPERTIES.get("aims.evidence.failure-policy").get("defaultValue").asText())
        .isEqualTo("fail-closed");
    assertThat(PROPERTIES.get("aims.evidence.durability").get("defaultValue").asText())
        .isEqualTo("async");
    assertThat(PROPERTIES.get("aims.evidence.queue-capacity").get("defaultValue").asInt())
        .isEqualTo(16384);
    assertThat(PROPERTIES.get("aims.evidence.checkpoint.records").get("defaultValue").asLong())
        .isEqualTo(100_000);
    assertThat(PROPERTIES.get("aims.evidence.checkpoint.interval").get("defaultValue").asText())
        .isEqualTo("1s");
    assertThat(PROPERTIES.get("aims.evidence.postgres.migrate").get("defaultValue").asBoolean())
        .isTrue();
    assertThat(
            PROPERTIES.get("aims.evidence.health.max-checkpoint-age").get("defaultValue").asText())
        .isEqualTo("5m");
    assertThat(PROPERTIES.get("aims.ai.content").get("defaultValue").asText())
        .isEqualTo("commitment");
    assertThat(PROPERTIES.get("aims.ai.enabled").get("defaultValue").asBoolean()).isTrue();
  }

  @Test
  void metadata_hintsTheValuesOfTheClosedVocabularies() {
    assertThat(values("aims.evidence.store")).containsExactly("file", "postgres");
    assertThat(values("aims.evidence.durability")).containsExactly("async", "durable");
    assertThat(values("aims.evidence.failure-policy"))
        .containsExactly("fail-closed", "report-and-continue");
    assertThat(values("aims.ai.content"))
        .containsExactly("commitment", "redacted-summary", "plain-text");
    assertThat(HINTS.get("aims.evidence.signer-key").at("/providers/0/name").asText())
        .isEqualTo("handle-as");
  }

  private static List<String> values(String property) {
    assertThat(HINTS).containsKey(property);
    List<String> values = new java.util.ArrayList<>();
    HINTS.get(property).get("values").forEach(v -> values.add(v.get("value").asText()));
    HINTS
        .get(property)
        .get("values")
        .forEach(v -> assertThat(v.path("description").asText()).as(property).isNotBlank());
    return values;
  }
}
