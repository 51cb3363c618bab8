package dev.aims.core.records;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import dev.aims.core.validation.Violation.Location;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads one JSON file as one record, collecting every problem of the file instead of the first.
 *
 * <p>Jackson stops at the first problem. To report the others in the same run, the file is bound
 * again and again from its tree, each time without the value that failed (a wrong value, an unknown
 * field, an object that could not be built), until it binds or nothing is left to take out; a
 * required field reported missing only because its bad value was taken out is not reported twice.
 * Declared constraints and invariants are those each record's {@code build()} enforces, so they
 * come back as the failed build of the object they belong to. Every problem carries the file, the
 * record's name, the line and column of its field, and the value found.
 *
 * @param <T> the record type
 */
final class JsonRecordFile<T> {
  /** More problems than this in one file are not looked for. */
  private static final int MAX_PROBLEMS = 200;

  private static final Pattern MISSING =
      Pattern.compile("required attributes are not set \\[(.*)\\]");

  /** The list element a path of a file of all the records starts in, e.g. {@code risks[2]}. */
  private static final Pattern ELEMENT = Pattern.compile("^([A-Za-z]+)\\[(\\d+)\\]");

  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");

  private final String file;
  private final Class<T> type;
  private final List<Violation> problems = new ArrayList<>();
  private final Map<String, Location> locations = new HashMap<>();
  private final Set<String> removed = new HashSet<>();
  private final Set<String> removedNames = new HashSet<>();

  /** The original index of each element of each array of the working copy, by identity. */
  private final Map<JsonNode, List<Integer>> indexes = new IdentityHashMap<>();

  private JsonNode original;
  private JsonNode work;
  private String name = "-";

  private JsonRecordFile(String file, Class<T> type) {
    this.file = file;
    this.type = type;
  }

  /** What reading one file gave: the record when the file had no problem, and every problem. */
  static final class Result<T> {
    private final JsonRecordFile<T> reading;
    private final T record;

    private Result(JsonRecordFile<T> reading, T record) {
      this.reading = reading;
      this.record = record;
    }

    /** Returns the record, present only when the file had no problem. */
    Optional<T> record() {
      return reading.problems.isEmpty() ? Optional.ofNullable(record) : Optional.empty();
    }

    /** Returns the record as far as it could be bound, with the bad values left out. */
    Optional<T> partial() {
      return Optional.ofNullable(record);
    }

    /** Returns the record's name: its id, or another identifying field, else {@code -}. */
    String name() {
      return reading.name;
    }

    /** Returns the parsed file, as written. */
    Optional<JsonNode> tree() {
      return Optional.ofNullable(reading.original);
    }

    /** Returns every problem of the file, in the order found. */
    List<Violation> problems() {
      return List.copyOf(reading.problems);
    }

    /** Returns the names of list elements that were left out of the record for their problems. */
    Set<String> unreadNames() {
      return Set.copyOf(reading.removedNames);
    }

    /**
     * Returns {@code violation}, found in the bound record at its path, located in the file: its
     * path is turned back into the file's indexes (elements left out shift the ones after them),
     * and it gets the line, column and the name of the list element it is in.
     */
    Violation locate(Violation violation) {
      return reading.locateBound(violation);
    }
  }

  /**
   * Reads {@code bytes} as a {@code type}.
   *
   * @param file how to name the file in problems
   */
  static <T> Result<T> read(String file, byte[] bytes, Class<T> type) {
    JsonRecordFile<T> r = new JsonRecordFile<>(file, type);
    return new Result<>(r, r.read(bytes));
  }

  private T read(byte[] bytes) {
    try {
      original =
          AimsJson.mapper()
              .reader()
              .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
              .readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(
          new Violation(
              "-",
              "Json",
              "-",
              "not valid JSON: " + firstLine(e.getOriginalMessage()),
              new Location(
                  file,
                  "-",
                  at == null ? 0 : Math.max(0, at.getLineNr()),
                  at == null ? 0 : Math.max(0, at.getColumnNr()))));
      return null;
    } catch (IOException e) {
      problems.add(
          new Violation("-", "Read", "-", "cannot be read: " + e.getMessage(), location("-")));
      return null;
    }
    if (original == null || original.isMissingNode()) {
      problems.add(
          new Violation(
              "-",
              "Json",
              "-",
              "is empty; expected one JSON object holding " + article(recordName(type)),
              location("-")));
      original = null;
      return null;
    }
    name = name(original);
    index(bytes);
    if (type == JsonNode.class) {
      return type.cast(original);
    }
    if (!original.isObject()) {
      problems.add(
          new Violation(
              "-",
              "Type",
              describe(original),
              "expected one JSON object holding " + article(recordName(type)),
              location("-")));
      return null;
    }
    work = original.deepCopy();
    track(work);
    ObjectReader reader = AimsJson.mapper().readerFor(type);
    T bound = null;
    while (problems.size() < MAX_PROBLEMS) {
      try {
        bound = reader.readValue(work);
        break;
      } catch (JsonMappingException e) {
        if (!problem(e)) {
          break;
        }
      } catch (IOException e) {
        problems.add(
            new Violation("-", "Read", "-", "cannot be read: " + e.getMessage(), location("-")));
        break;
      }
    }
    return bound;
  }

  /**
   * Records the problem of one failed binding and takes the failed value out of the working copy.
   * Returns false when nothing more can be taken out (the record itself could not be built).
   */
  private boolean problem(JsonMappingException e) {
    List<JsonMappingException.Reference> refs = e.getPath();
    String at = originalPath(refs);
    Throwable cause = e.getCause();
    if (e instanceof ValueInstantiationException) {
      if (cause instanceof InvalidRecordException ire) {
        for (Violation v : ire.violations()) {
          String path = join(at, v.path());
          add(path, v.constraint(), v.value(), v.message());
        }
      } else if (cause != null && cause.getMessage() != null) {
        Matcher m = MISSING.matcher(cause.getMessage());
        if (m.find()) {
          for (String attr : m.group(1).split(",\\s*")) {
            String path = join(at, attr);
            if (!removed.contains(path)) {
              add(path, "Required", "missing", "is required");
            }
          }
        } else {
          add(at.isEmpty() ? "(record)" : at, "Invariant", "-", cause.getMessage());
        }
      } else {
        add(at.isEmpty() ? "(record)" : at, "Invariant", "-", firstLine(e.getOriginalMessage()));
      }
      return remove(refs, at);
    }
    String field = at.isEmpty() ? "-" : at;
    if (e instanceof UnrecognizedPropertyException u) {
      add(
          field,
          "UnknownField",
          "-",
          "is not a field of "
              + recordName(u.getReferringClass())
              + "; known fields: "
              + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
    } else if (cause instanceof IllegalArgumentException iae
        && iae.getMessage() != null
        && at.endsWith(iae.getMessage())) {
      // Immutables rejects a null attribute with the attribute's name as the message.
      add(field, "NotNull", "null", "null is not allowed; give a value or leave the field out");
    } else if (e instanceof InvalidFormatException f) {
      add(field, "Type", value(at), "expected " + expected(f.getTargetType()));
    } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      add(field, "Type", value(at), "expected " + expected(m.getTargetType()));
    } else if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
      add(field, "Invalid", value(at), iae.getMessage());
    } else {
      add(field, "Invalid", value(at), firstLine(e.getOriginalMessage()));
    }
    return remove(refs, at);
  }

  private void add(String path, String constraint, String value, String message) {
    problems.add(new Violation(path, constraint, value, message, location(path)));
  }

  /** Takes the value at {@code refs} out of the working copy; false when that is the record. */
  private boolean remove(List<JsonMappingException.Reference> refs, String originalPath) {
    if (refs.isEmpty()) {
      return false;
    }
    JsonNode parent = work;
    for (JsonMappingException.Reference r : refs.subList(0, refs.size() - 1)) {
      parent = step(parent, r);
      if (parent == null) {
        return false;
      }
    }
    JsonMappingException.Reference last = refs.get(refs.size() - 1);
    removed.add(originalPath);
    if (last.getFieldName() != null && parent instanceof ObjectNode o) {
      return o.remove(last.getFieldName()) != null;
    }
    if (last.getIndex() >= 0 && parent instanceof ArrayNode a && last.getIndex() < a.size()) {
      JsonNode element = a.remove(last.getIndex());
      String elementName = name(element);
      if (!elementName.equals("-")) {
        removedNames.add(elementName);
      }
      List<Integer> original = indexes.get(a);
      if (original != null) {
        original.remove(last.getIndex());
      }
      return true;
    }
    return false;
  }

  private static JsonNode step(JsonNode node, JsonMappingException.Reference r) {
    if (r.getFieldName() != null) {
      return node.get(r.getFieldName());
    }
    return r.getIndex() >= 0 ? node.get(r.getIndex()) : null;
  }

  /** Returns the path of {@code refs} (in the working copy) with the file's own indexes. */
  private String originalPath(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
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
    return filePath(b.toString());
  }

  /** Turns a violation's path in the bound record (working-copy indexes) into the file's own. */
  private Violation locateBound(Violation v) {
    if (work == null || v.path().equals("(record)") || v.path().equals("-")) {
      return v.at(location(v.path()));
    }
    String path = filePath(v.path());
    return new Violation(path, v.constraint(), v.value(), v.message(), location(path));
  }

  /**
   * Turns a path in the working copy into the same path in the file: elements taken out of a list
   * shift the ones after them, so each index is looked up in the list's original indexes.
   */
  private String filePath(String workingPath) {
    StringBuilder b = new StringBuilder();
    JsonNode node = work;
    Matcher m = STEP.matcher(workingPath);
    while (m.find()) {
      if (m.group(1) != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(m.group(1));
        node = node == null ? null : node.get(m.group(1));
      } else {
        int i = Integer.parseInt(m.group(2));
        List<Integer> original = node == null ? null : indexes.get(node);
        b.append('[').append(original != null && i < original.size() ? original.get(i) : i);
        b.append(']');
        node = node == null ? null : node.get(i);
      }
    }
    return b.toString();
  }

  /** Remembers the original index of every array element of the working copy. */
  private void track(JsonNode node) {
    if (node.isArray()) {
      indexes.put(node, IntStream.range(0, node.size()).boxed().collect(Collectors.toList()));
    }
    node.forEach(this::track);
  }

  /**
   * Returns the location of the field at {@code path} (file indexes): its line and column, and the
   * name of the list element it is in when the file holds lists of records.
   */
  private Location location(String path) {
    String pointer = pointer(path);
    Location found = null;
    for (String p = pointer; found == null; p = parent(p)) {
      found = locations.get(p);
      if (p.isEmpty()) {
        break;
      }
    }
    String record = name;
    Matcher m = ELEMENT.matcher(path);
    if (type == AimsRecords.class && original != null && original.isObject() && m.find()) {
      String element = name(original.path(m.group(1)).path(Integer.parseInt(m.group(2))));
      if (!element.equals("-")) {
        record = element;
      }
    }
    return new Location(
        file, record, found == null ? 0 : found.line(), found == null ? 0 : found.column());
  }

  /** Indexes the line and column of every field and array element of the file by JSON pointer. */
  private void index(byte[] bytes) {
    try (JsonParser p = AimsJson.mapper().getFactory().createParser(bytes)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          continue;
        }
        JsonStreamContext context = p.getParsingContext();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          context = context.getParent();
        }
        if (context == null) {
          continue;
        }
        JsonLocation at = p.currentTokenLocation();
        locations.putIfAbsent(
            context.pathAsPointer().toString(),
            new Location(file, "-", Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr())));
      }
    } catch (IOException e) {
      // The file parsed as a tree already; without locations, problems name no line.
    }
  }

  private static String pointer(String path) {
    if (path.equals("-") || path.equals("(record)") || path.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    Matcher m = STEP.matcher(path);
    while (m.find()) {
      b.append('/')
          .append(
              m.group(1) != null ? m.group(1).replace("~", "~0").replace("/", "~1") : m.group(2));
    }
    return b.toString();
  }

  private static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** Returns the value at {@code path} in the file, as text for a message. */
  private String value(String path) {
    JsonNode node = original;
    Matcher m = STEP.matcher(path);
    while (m.find() && node != null) {
      node = m.group(1) != null ? node.get(m.group(1)) : node.get(Integer.parseInt(m.group(2)));
    }
    return node == null ? "-" : describe(node);
  }

  private static String describe(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      return "'" + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + "'";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.toString();
  }

  /** Returns the name a record goes by: its id or another identifying field, else {@code -}. */
  static String name(JsonNode tree) {
    if (tree != null && tree.isObject()) {
      for (String key : List.of("id", "controlId", "name", "organisation")) {
        JsonNode v = tree.get(key);
        if (v != null && v.isTextual()) {
          return v.asText();
        }
      }
      JsonNode system = tree.get("systemId");
      JsonNode on = tree.get("assessedOn");
      if (system != null && system.isTextual()) {
        return system.asText() + (on != null && on.isTextual() ? " " + on.asText() : "");
      }
    }
    return "-";
  }

  private static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    return path.equals("(record)") ? prefix : prefix + "." + path;
  }

  /** Returns the record type's name for a class Jackson reports, which may be its builder. */
  static String recordName(Class<?> type) {
    Class<?> named =
        type.getSimpleName().equals("Builder") && type.getEnclosingClass() != null
            ? type.getEnclosingClass()
            : type;
    return named.getSimpleName().replaceFirst("^Immutable", "");
  }

  static String article(String name) {
    return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  private static final Map<Class<?>, String> EXPECTED =
      Map.ofEntries(
          Map.entry(LocalDate.class, "a date such as 2026-01-31"),
          Map.entry(Instant.class, "an instant such as 2026-01-31T09:30:00Z"),
          Map.entry(Period.class, "a period such as P1Y or P6M"),
          Map.entry(BigDecimal.class, "a number"),
          Map.entry(Double.class, "a number"),
          Map.entry(double.class, "a number"),
          Map.entry(Integer.class, "a whole number"),
          Map.entry(int.class, "a whole number"),
          Map.entry(Long.class, "a whole number"),
          Map.entry(long.class, "a whole number"),
          Map.entry(BigInteger.class, "a whole number"),
          Map.entry(Boolean.class, "true or false"),
          Map.entry(boolean.class, "true or false"),
          Map.entry(String.class, "text"));

  /** Returns what a value of {@code type} looks like in JSON, in words. */
  static String expected(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
    }
    String known = EXPECTED.get(type);
    if (known != null) {
      return known;
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object (" + recordName(type) + ")";
  }

  private static final Pattern SOURCE_AT =
      Pattern.compile(
          "\\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)\\]");

  /**
   * Returns the first line of a parser's message, with its description of the input (which names
   * Jackson's settings, not the file) turned into a plain line and column.
   */
  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = (nl < 0 ? s : s.substring(0, nl)).trim();
    return SOURCE_AT.matcher(line).replaceAll("line $1, column $2");
  }
}
