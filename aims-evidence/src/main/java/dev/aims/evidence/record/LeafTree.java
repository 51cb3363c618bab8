package dev.aims.evidence.record;

import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.PlainValue;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.privacy.RedactedSummary;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON object of a parsed leaf, with typed getters whose errors name the field's path, so that
 * a leaf that is not one of ours says exactly where it differs.
 */
final class LeafTree {
  /** The envelope attributes shared by every record type. */
  record Common(
      String system, Instant occurredAt, List<String> controls, Map<String, String> refs) {}

  private final String path;
  private final Map<String, ?> members;

  LeafTree(String path, Map<String, ?> members) {
    this.path = path;
    this.members = members;
  }

  @SuppressWarnings("unchecked")
  static LeafTree root(Object parsed) {
    if (!(parsed instanceof Map<?, ?>)) {
      throw new MalformedLeafException("$", "must be a JSON object");
    }
    return new LeafTree("$", (Map<String, ?>) parsed);
  }

  boolean has(String key) {
    return members.containsKey(key);
  }

  private Object get(String key) {
    Object value = members.get(key);
    if (value == null) {
      throw new MalformedLeafException(path + "." + key, "is missing");
    }
    return value;
  }

  /** Returns this object's path in the leaf, as its errors name it. */
  String path() {
    return path;
  }

  String string(String key) {
    Object value = get(key);
    if (!(value instanceof String s)) {
      throw new MalformedLeafException(path + "." + key, "must be a string");
    }
    return s;
  }

  Optional<String> optionalString(String key) {
    return has(key) ? Optional.of(string(key)) : Optional.empty();
  }

  boolean bool(String key) {
    Object value = get(key);
    if (!(value instanceof Boolean b)) {
      throw new MalformedLeafException(path + "." + key, "must be true or false");
    }
    return b;
  }

  Instant instant(String key) {
    String text = string(key);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new MalformedLeafException(path + "." + key, "must be an RFC 3339 UTC time: " + text);
    }
  }

  <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String text = string(key);
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new MalformedLeafException(
          path + "." + key, "'" + text + "' is not a " + type.getSimpleName());
    }
  }

  @SuppressWarnings("unchecked")
  LeafTree object(String key) {
    Object value = get(key);
    if (!(value instanceof Map<?, ?>)) {
      throw new MalformedLeafException(path + "." + key, "must be an object");
    }
    return new LeafTree(path + "." + key, (Map<String, ?>) value);
  }

  /** Returns the raw value of a member: a tree of maps, lists, strings, longs and booleans. */
  Object raw(String key) {
    return get(key);
  }

  List<String> strings(String key) {
    Object value = get(key);
    if (!(value instanceof List<?> list)) {
      throw new MalformedLeafException(path + "." + key, "must be an array");
    }
    List<String> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s)) {
        throw new MalformedLeafException(path + "." + key + "[" + i + "]", "must be a string");
      }
      out.add(s);
    }
    return out;
  }

  Map<String, String> stringMap(String key) {
    LeafTree object = object(key);
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : object.members.keySet()) {
      out.put(k, object.string(k));
    }
    return out;
  }

  ProtectedValue protectedValue(String key) {
    LeafTree value = object(key);
    if (value.members.size() != 1) {
      throw new MalformedLeafException(
          path + "." + key, "must have exactly one of commitment, redacted, plain");
    }
    if (value.has("commitment")) {
      return Commitment.parse(value.string("commitment"));
    }
    if (value.has("redacted")) {
      return new RedactedSummary(value.string("redacted"));
    }
    if (value.has("plain")) {
      return new PlainValue(value.string("plain"));
    }
    throw new MalformedLeafException(
        path + "." + key, "must have exactly one of commitment, redacted, plain");
  }
}
