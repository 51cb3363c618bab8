package dev.aims.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.aims.core.json.AimsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The record schemas that aims-core bundles ({@code dev/aims/core/schema/}, draft 2020-12), loaded
 * for the tests that check what the CLI writes against them.
 */
final class RecordSchemas {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  // Draft 2020-12 treats "format" as an annotation; the pack's dates are checked as well.
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private RecordSchemas() {}

  /** Returns the schema {@code name}, e.g. {@code risk-entry}, from aims-core's resources. */
  static JsonSchema schema(String name) {
    try (InputStream in =
        AimsJson.class.getResourceAsStream("/dev/aims/core/schema/" + name + ".schema.json")) {
      if (in == null) {
        throw new IllegalArgumentException("no schema " + name + ".schema.json in aims-core");
      }
      return FACTORY.getSchema(AimsJson.mapper().readTree(in), CONFIG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the problems of {@code value} against {@code schema}, each naming its JSON path. */
  static List<String> validate(JsonSchema schema, JsonNode value) {
    return schema.validate(value).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
