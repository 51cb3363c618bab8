package dev.aims.oscal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Building and writing OSCAL JSON: object nodes in the order the OSCAL models list their fields,
 * written with two-space indentation and a final newline, and the metadata block every document
 * starts with.
 */
public final class OscalJson {
  /** The OSCAL release the documents follow and validate against. */
  public static final String OSCAL_VERSION = "1.1.2";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private OscalJson() {}

  /** Returns a new, empty object node. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Returns a new, empty array node. */
  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Returns {@code root} as pretty-printed JSON text with a final newline. */
  public static String write(JsonNode root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of JSON nodes always serialises", e);
    }
  }

  /** Returns {@code day} at midnight UTC in OSCAL's date-time-with-timezone form. */
  public static String timestamp(LocalDate day) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        day.atStartOfDay().atOffset(ZoneOffset.UTC));
  }

  /**
   * Returns a document's metadata: its title, {@code last-modified} at the as-of day (never the
   * clock, so that exports repeat), the document's version and the OSCAL version.
   */
  public static ObjectNode metadata(String title, LocalDate asOf, String version) {
    ObjectNode m = object();
    m.put("title", title);
    m.put("last-modified", timestamp(asOf));
    m.put("version", version);
    m.put("oscal-version", OSCAL_VERSION);
    return m;
  }
}
