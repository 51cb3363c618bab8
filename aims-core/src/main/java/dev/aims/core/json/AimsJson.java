package dev.aims.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The SDK's JSON settings for AIMS records.
 *
 * <p>Unknown properties, duplicate keys and numbers in place of enum names are rejected, so that a
 * misspelt field or an ordinal in a record file is an error instead of a silently wrong value. No
 * value is coerced from another JSON type: {@code 4.7} or {@code "4"} where a whole number is
 * expected, {@code 42} or {@code true} where text is expected, {@code "true"} where a boolean is
 * expected, a number or an empty string where a date is expected, and a single value where a list
 * is expected are all errors. Dates are ISO-8601 strings; absent optional values are omitted. The
 * returned mappers are thread-safe once configured.
 */
public final class AimsJson {
  /**
   * Reads {@code java.time} values only from strings: Jackson's own deserializers also take numbers
   * (epoch days and seconds) and arrays, which no AIMS record writes.
   */
  private static final Module TIME_AS_TEXT_ONLY =
      new SimpleModule("aims-time-as-text")
          .setDeserializerModifier(
              new BeanDeserializerModifier() {
                @Override
                public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config,
                    BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                  Package p = description.getBeanClass().getPackage();
                  return p != null && p.getName().equals("java.time")
                      ? new TextOnly(deserializer)
                      : deserializer;
                }
              });

  private static final ObjectMapper MAPPER = newMapper();

  private AimsJson() {}

  /** Returns the shared mapper; callers must not reconfigure it (use {@link #newMapper()}). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Creates a new mapper with the SDK's settings, for callers that need to customise one. */
  public static ObjectMapper newMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(TIME_AS_TEXT_ONLY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            // Java time types otherwise read a number as an epoch day or second.
            .defaultLeniency(false)
            .build();
    // Scalars are read only from their own JSON type; everything else is an input error.
    for (LogicalType type : LogicalType.values()) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.Integer, allowed(type, CoercionInputShape.Integer))
          .setCoercion(CoercionInputShape.Float, allowed(type, CoercionInputShape.Float))
          .setCoercion(CoercionInputShape.Boolean, allowed(type, CoercionInputShape.Boolean))
          .setCoercion(CoercionInputShape.String, allowed(type, CoercionInputShape.String))
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
    }
    return mapper;
  }

  /** Refuses every token but a string before the wrapped deserializer sees it. */
  private static final class TextOnly extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    TextOnly(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new TextOnly(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return context.handleUnexpectedToken(handledType(), p);
      }
      return super.deserialize(p, context);
    }
  }

  /**
   * Returns whether a JSON scalar of {@code shape} may be read as a value of {@code type}: only
   * numbers as numbers, booleans as booleans, and strings as text, enumerations, dates and other
   * values written as strings.
   */
  private static CoercionAction allowed(LogicalType type, CoercionInputShape shape) {
    boolean own =
        switch (shape) {
          case Integer -> type == LogicalType.Integer || type == LogicalType.Float;
          case Float -> type == LogicalType.Float;
          case Boolean -> type == LogicalType.Boolean;
          case String ->
              type != LogicalType.Integer
                  && type != LogicalType.Float
                  && type != LogicalType.Boolean;
          default -> false;
        };
    return own ? CoercionAction.TryConvert : CoercionAction.Fail;
  }
}
