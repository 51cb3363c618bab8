package dev.aims.oscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NIST's official OSCAL 1.1.2 JSON schemas, read from the liboscal-java jar on the test class path
 * ({@code schema/json/oscal-MODEL_schema.json}), and validation of a document against them.
 */
public final class OscalSchemas {
  /** The model names of the schemas: catalog, profile, ssp, ap, ar, poam. */
  public static final List<String> MODELS =
      List.of("catalog", "profile", "ssp", "ap", "ar", "poam");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  private OscalSchemas() {}

  /**
   * Returns every violation of {@code model}'s schema in {@code document}, empty when it validates.
   */
  public static List<String> violations(String model, String document) {
    try {
      JsonNode doc = JSON.readTree(document);
      return schema(model).validate(doc).stream().map(ValidationMessage::getMessage).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema schema(String model) {
    return SCHEMAS.computeIfAbsent(
        model,
        m -> {
          String path = "schema/json/oscal-" + m + "_schema.json";
          try (InputStream in = OscalSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
              throw new IllegalStateException("no " + path + " on the test class path");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(JSON.readTree(in));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
