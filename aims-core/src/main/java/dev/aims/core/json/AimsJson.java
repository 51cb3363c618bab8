package dev.aims.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The SDK's JSON settings for AIMS records.
 *
 * <p>Unknown properties, duplicate keys and numbers in place of enum names are rejected, so that a
 * misspelt field or an ordinal in a record file is an error instead of a silently wrong value.
 * Dates are ISO-8601 strings; absent optional values are omitted. The returned mappers are
 * thread-safe once configured.
 */
public final class AimsJson {
  private static final ObjectMapper MAPPER = newMapper();

  private AimsJson() {}

  /** Returns the shared mapper; callers must not reconfigure it (use {@link #newMapper()}). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Creates a new mapper with the SDK's settings, for callers that need to customise one. */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .build();
  }
}
