package dev.aims.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads one AIMS record from a JSON file with the SDK's settings, and turns every way the file can
 * be wrong into one readable message that names the file, the field and the value: syntax errors
 * (with line and column), unknown fields, values of the wrong type or outside an enumeration,
 * missing fields, broken invariants and broken field constraints.
 */
final class AisiaRecordFile {
  private AisiaRecordFile() {}

  /** Thrown when a record file cannot be read or is not a valid record; the message says why. */
  static final class BadRecordFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRecordFileException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Returns the record in {@code file}, checked against its declared constraints.
   *
   * @throws BadRecordFileException naming the file, the field and the value when the file is
   *     missing, unreadable or not a valid record of {@code type}
   */
  static <T> T read(Path file, Class<T> type) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadRecordFileException(file + ": no such file", e);
    } catch (IOException e) {
      throw new BadRecordFileException(file + ": cannot be read: " + e.getMessage(), e);
    }
    T record;
    try {
      // Numbers are not accepted for enumerations: a typo such as "severity": 3 must not silently
      // pick the fourth constant.
      record =
          AimsJson.mapper()
              .readerFor(type)
              .with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
              .readValue(bytes);
    } catch (JsonProcessingException e) {
      throw new BadRecordFileException(file + ": " + describe(e, type), e);
    } catch (IOException e) {
      throw new BadRecordFileException(file + ": cannot be read: " + e.getMessage(), e);
    }
    try {
      return RecordValidator.validate(record, file + ": " + type.getSimpleName());
    } catch (InvalidRecordException e) {
      throw new BadRecordFileException(e.getMessage(), e);
    }
  }

  static String describe(JsonProcessingException e, Class<?> type) {
    String where = e instanceof JsonMappingException m ? path(m) : "";
    String field = where.isEmpty() ? "" : "field '" + where + "': ";
    if (e instanceof UnrecognizedPropertyException u) {
      return "field '"
          + where
          + "' is not a field of "
          + recordName(u.getReferringClass())
          + "; known fields: "
          + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
    }
    if (e instanceof InvalidFormatException f) {
      return field + "value '" + f.getValue() + "' is not " + expected(f.getTargetType());
    }
    Throwable cause = e.getCause();
    if (e instanceof ValueInstantiationException && cause != null) {
      if (cause instanceof InvalidRecordException invalid) {
        return where.isEmpty() ? cause.getMessage() : inside(where, invalid, type);
      }
      return (where.isEmpty() ? "" : "in '" + where + "': ") + missingFields(cause.getMessage());
    }
    if (e instanceof JsonMappingException
        && cause instanceof IllegalArgumentException
        && !where.isEmpty()
        && where.endsWith(String.valueOf(cause.getMessage()))) {
      // Immutables rejects a null attribute with the attribute's name as the message.
      return field
          + "value null is not allowed (give a value, or leave out a field that is optional)";
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return field + "expected " + expected(m.getTargetType()) + found(m);
    }
    JsonLocation at = e.getLocation();
    String location =
        at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    if (e instanceof JsonMappingException) {
      return field + location + firstLine(e.getOriginalMessage());
    }
    return location + "not valid JSON: " + firstLine(e.getOriginalMessage());
  }

  // A part of the record (a described impact, the affected population) is checked when it is
  // built, so reading stops there; its violations are named by their place in the file.
  private static String inside(String where, InvalidRecordException invalid, Class<?> type) {
    List<Violation> violations =
        invalid.violations().stream()
            .map(
                v ->
                    new Violation(
                        v.path().equals("(record)") ? where : where + "." + v.path(),
                        v.constraint(),
                        v.value(),
                        v.message()))
            .toList();
    return new InvalidRecordException(type.getSimpleName(), violations).getMessage();
  }

  private static String recordName(Class<?> type) {
    // Records are read through their nested Builder classes; name the record, not the builder.
    Class<?> named =
        type.getSimpleName().equals("Builder") && type.getEnclosingClass() != null
            ? type.getEnclosingClass()
            : type;
    return named.getSimpleName().replace("Immutable", "");
  }

  private static String found(MismatchedInputException m) {
    if (!(m.getProcessor() instanceof JsonParser parser)) {
      return "";
    }
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "";
    }
    String text;
    try {
      text = token.isScalarValue() ? " '" + parser.getText() + "'" : "";
    } catch (IOException ex) {
      text = "";
    }
    String kind =
        switch (token) {
          case VALUE_STRING -> "a text";
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
          case VALUE_TRUE, VALUE_FALSE -> "a boolean";
          case VALUE_NULL -> "null";
          case START_ARRAY -> "a list";
          case START_OBJECT -> "an object";
          default -> token.toString();
        };
    return ", found " + kind + text;
  }

  // Immutables names the attributes a builder lacks as "... not set [a, b]"; say it in our words.
  private static String missingFields(String message) {
    int open = message.indexOf("not set [");
    if (open >= 0 && message.endsWith("]")) {
      return "missing required fields " + message.substring(open + "not set ".length());
    }
    return firstLine(message);
  }

  private static String expected(Class<?> target) {
    if (target.isEnum()) {
      return "one of "
          + Arrays.stream(target.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (java.util.Collection.class.isAssignableFrom(target)) {
      return "a list";
    }
    return switch (target.getSimpleName()) {
      case "LocalDate" -> "a date like 2026-01-15";
      case "Period" -> "a period like P1Y or P6M";
      case "int", "Integer", "long", "Long" -> "a whole number";
      case "boolean", "Boolean" -> "true or false";
      case "String" -> "a text";
      default -> {
        String name = recordName(target);
        yield (startsWithVowel(name) ? "an " : "a ") + name + " object";
      }
    };
  }

  private static boolean startsWithVowel(String s) {
    return !s.isEmpty() && "AEIOU".indexOf(s.toUpperCase(Locale.ROOT).charAt(0)) >= 0;
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    List<JsonMappingException.Reference> refs = e.getPath();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
