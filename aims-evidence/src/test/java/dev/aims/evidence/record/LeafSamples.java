package dev.aims.evidence.record;

import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.incident.IncidentStatus;
import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.ProtectedValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Valid leaves of every record type and mutations of them, drawn from a seed, for the property
 * tests that hold the byte-level record scan to the decoder. Structural mutations (members deleted,
 * renamed or added, values of the wrong type or just outside a constraint) are written back as
 * canonical JSON, so they reach the scan; byte-level ones (flips, whitespace, escapes, reordered or
 * duplicate keys, non-canonical numbers, truncations) mostly are not canonical any more.
 */
public final class LeafSamples {
  private LeafSamples() {}

  private static final String[] VKEYS = {
    NoteSigner.generate("old.example/log").verifier().vkey(),
    NoteSigner.generate("new.example/log").verifier().vkey()
  };

  private static final String[] WORDS = {
    "score",
    "band",
    "C",
    "refer",
    "to",
    "underwriter",
    "a\"quote",
    "back\\slash",
    "é",
    "中文",
    "😀",
    "\u00a0",
    "\u0085",
    "x/y",
    "tab\there",
    "line\nbreak",
    "\u0001",
    "\u007f",
    "\u3000",
    "0",
    "-",
    ".",
    "_"
  };

  /** Strings just inside or outside a constraint, or of a kind the scan treats apart. */
  private static final Object[] EDGES = {
    "",
    " ",
    "\t",
    "\n",
    "\u3000",
    "\u2000",
    "\u1680",
    "\u00a0",
    "\u0085",
    "é",
    "😀",
    "a\u0001b",
    "a\u007fb",
    "a\nb",
    "x".repeat(256),
    "x".repeat(257),
    "é".repeat(256),
    "é".repeat(257),
    "😀".repeat(128),
    "😀".repeat(129),
    "x".repeat(1024),
    "x".repeat(1025),
    "x".repeat(4096),
    "x".repeat(4097),
    "0",
    "-0",
    "-0.0",
    "1",
    "1.0",
    "1.01",
    "0.5",
    "-0.5",
    "01",
    "1.",
    ".5",
    "1e3",
    "+1",
    "2",
    "0".repeat(64),
    "1" + "0".repeat(64),
    "ab".repeat(32),
    "AB".repeat(32),
    "ab".repeat(31),
    "ab".repeat(8),
    "0".repeat(16),
    "0".repeat(32),
    "ab".repeat(16),
    "ab".repeat(15) + "ag",
    "sha256:" + "ab".repeat(32),
    "sha256:" + "AB".repeat(32),
    "sha256:" + "ab".repeat(31),
    "sha257:" + "ab".repeat(32),
    "2026-03-01T09:30:00Z",
    "2026-03-01T09:30:00.1Z",
    "2026-03-01T09:30:00.12Z",
    "2026-03-01T09:30:00.1234Z",
    "2026-03-01T09:30:00.123456789Z",
    "2026-03-01T09:30:00.1234567890Z",
    "2026-03-01T09:30:00.Z",
    "2026-03-01T09:30Z",
    "2026-03-01T09:30:00z",
    "2026-03-01t09:30:00Z",
    "2026-03-01T09:30:00+00:00",
    "2026-02-29T00:00:00Z",
    "2024-02-29T00:00:00Z",
    "2100-02-29T00:00:00Z",
    "2000-02-29T00:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-00-01T00:00:00Z",
    "2026-01-00T00:00:00Z",
    "2026-01-01T24:00:00Z",
    "2026-01-01T24:30:00Z",
    "2026-01-01T23:60:00Z",
    "2026-01-01T23:59:60Z",
    "2026-01-01T12:00:60Z",
    "0000-01-01T00:00:00Z",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999Z",
    "+10000-01-01T00:00:00Z",
    "APPROVED",
    "approved",
    "OVERRIDDEN",
    "DRIFT",
    "drift",
    "HIGH",
    "DETECTED",
    "OPEN",
    "MITIGATED",
    "CONTAINED",
    "ai-decision",
    "AI_DECISION",
    "Ai-Decision",
    "key-rotation",
    "A.6.2.8",
    "a.6.2.8",
    "A.6.2.9",
    "A.5.4",
    "dev.aims.evidence/v1",
    "dev.aims.evidence/v2",
    "credit-scoring",
    "Credit-scoring",
    "-credit",
    "c".repeat(64),
    "c".repeat(65),
    "gen_ai.request.model",
    "Gen.ai",
    "gen..ai",
    "gen.",
    "1gen",
    VKEYS[0],
    VKEYS[1],
    0L,
    1L,
    -1L,
    true,
    false,
    List.of(),
    List.of("A.6.2.8"),
    List.of("A.6.2.8", "A.6.2.8"),
    List.of(1L),
    Map.of(),
    Map.of("redacted", "x"),
    Map.of("plain", "x"),
    Map.of("commitment", "sha256:" + "ab".repeat(32)),
    Map.of("redacted", "x", "plain", "y"),
    Map.of("outcome", "APPROVED", "reviewer", "r"),
    Map.of("outcome", "OVERRIDDEN", "reviewer", "r"),
  };

  private static final String[] KEYS = {
    "attributes",
    "body",
    "breach",
    "commitment",
    "confidence",
    "controls",
    "decision",
    "decisionLeafHash",
    "incidentId",
    "input",
    "kind",
    "metric",
    "model",
    "modelVersion",
    "nextKey",
    "occurredAt",
    "outcome",
    "output",
    "overrideReason",
    "oversight",
    "plain",
    "previousKey",
    "reason",
    "recordedAt",
    "redacted",
    "refs",
    "reviewer",
    "schema",
    "severity",
    "spanId",
    "status",
    "summary",
    "system",
    "threshold",
    "traceId",
    "type",
    "value",
    "zzz",
    "",
    "a",
    "Model",
    "model ",
    "é"
  };

  /** Returns a valid leaf of a record of any type, drawn from {@code seed}. */
  public static byte[] validLeaf(long seed) {
    Random r = new Random(seed);
    while (true) {
      try {
        return Envelope.encode(record(r), instant(r));
      } catch (IllegalArgumentException e) {
        // A drawn value broke a constraint; draw again from where the generator is.
      }
    }
  }

  /**
   * Returns a valid leaf of a record of a type the scan decides (decision, monitoring event,
   * oversight action, incident), whose names and texts each hold a printable ASCII char.
   */
  public static byte[] validCoveredLeaf(long seed) {
    Random r = new Random(seed);
    while (true) {
      try {
        EvidenceRecord rec =
            switch (r.nextInt(4)) {
              case 0 -> decision(r);
              case 1 -> monitoring(r);
              case 2 -> oversightAction(r);
              default -> incident(r);
            };
        return Envelope.encode(rec, instant(r));
      } catch (IllegalArgumentException e) {
        // Draw again.
      }
    }
  }

  /** Returns a valid leaf or, mostly, a mutation of one, drawn from {@code seed}. */
  public static byte[] leafOrMutation(long seed) {
    Random r = new Random(seed);
    byte[] leaf = validLeaf(r.nextLong());
    int mutations = r.nextInt(8) == 0 ? 0 : 1 + (r.nextInt(4) == 0 ? 1 : 0);
    for (int i = 0; i < mutations; i++) {
      leaf = mutate(leaf, r);
    }
    return leaf;
  }

  static EvidenceRecord record(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> decision(r);
      case 1 -> monitoring(r);
      case 2 -> oversightAction(r);
      case 3 -> incident(r);
      case 4 -> keyRotation(r);
      default -> ImpactAssessmentEvent.of(EnvelopeTest.assessment(), instant(r));
    };
  }

  private static AiDecision decision(Random r) {
    AiDecision.Builder b = AiDecision.builder();
    common(b, r, RecordType.AI_DECISION);
    b.model(name(r)).modelVersion(name(r)).decision(text(r));
    b.input(protectedValue(r)).output(protectedValue(r));
    if (r.nextBoolean()) {
      b.confidence(
          pick(r, "0", "1", "0.87", "1.000", "0.5", "-0", "0.0001", "0." + r.nextInt(1000)));
    }
    if (r.nextBoolean()) {
      OversightOutcome outcome = pick(r, OversightOutcome.values());
      HumanOversight.Builder o = HumanOversight.builder().reviewer(name(r)).outcome(outcome);
      if (outcome == OversightOutcome.OVERRIDDEN || r.nextBoolean()) {
        o.overrideReason(text(r));
      }
      b.oversight(o.build());
    }
    if (r.nextInt(3) == 0) {
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = r.nextInt(4); i >= 0; i--) {
        attributes.put(
            pick(r, "gen_ai.request.model", "gen_ai.usage.input_tokens", "a", "x1.y_2", "z.z.z"),
            name(r));
      }
      b.attributes(attributes);
    }
    if (r.nextBoolean()) {
      b.traceId(hex(r, 32));
      if (r.nextBoolean()) {
        b.spanId(hex(r, 16));
      }
    }
    return b.build();
  }

  private static MonitoringEvent monitoring(Random r) {
    MonitoringEvent.Builder b = MonitoringEvent.builder();
    common(b, r, RecordType.MONITORING_EVENT);
    b.kind(pick(r, MonitoringKind.values()))
        .metric(name(r))
        .value(pick(r, "0", "0.25", "-12", "1234.5678", "" + r.nextInt()))
        .breach(r.nextBoolean());
    if (r.nextBoolean()) {
      b.threshold(pick(r, "0.3", "-1", "100"));
    }
    return b.build();
  }

  private static OversightAction oversightAction(Random r) {
    OversightAction.Builder b = OversightAction.builder();
    common(b, r, RecordType.OVERSIGHT_ACTION);
    OversightOutcome outcome = pick(r, OversightOutcome.values());
    b.outcome(outcome).reviewer(name(r));
    if (outcome == OversightOutcome.OVERRIDDEN || r.nextBoolean()) {
      b.reason(text(r));
    }
    if (r.nextBoolean()) {
      b.decisionLeafHash(r.nextInt(5) == 0 ? "0".repeat(64) : hex(r, 64));
    }
    if (r.nextBoolean()) {
      b.traceId(hex(r, 32));
    }
    return b.build();
  }

  private static AiIncidentEvent incident(Random r) {
    AiIncidentEvent.Builder b = AiIncidentEvent.builder();
    common(b, r, RecordType.AI_INCIDENT);
    return b.incidentId(name(r))
        .severity(pick(r, IncidentSeverity.values()))
        .status(pick(r, IncidentStatus.values()))
        .summary(text(r))
        .build();
  }

  private static KeyRotation keyRotation(Random r) {
    KeyRotation.Builder b = KeyRotation.builder();
    common(b, r, RecordType.KEY_ROTATION);
    b.previousKey(VKEYS[0]).nextKey(VKEYS[1]);
    if (r.nextBoolean()) {
      b.reason(text(r));
    }
    return b.build();
  }

  /** Sets the attributes every builder has, by reflection-free duck typing of the four kinds. */
  private static void common(Object builder, Random r, RecordType type) {
    String system = pick(r, "credit-scoring", "s", "a.b_c-d", "x9", "c".repeat(64));
    Instant at = instant(r);
    List<String> controls =
        r.nextInt(3) == 0
            ? pick(
                r,
                List.of("A.6.2.8"),
                List.of("A.6.2.6", "A.8.4"),
                List.of("A.5.4", "A.10.3", "A.6.2.8"),
                List.of("A.9.2", "A.6.2.8"))
            : type.defaultControls();
    Map<String, String> refs = new TreeMap<>();
    if (r.nextInt(3) == 0) {
      for (int i = r.nextInt(3); i >= 0; i--) {
        refs.put(pick(r, "model-card", "dataset", "a", "b.c", "z_9"), "sha256:" + hex(r, 64));
      }
    }
    if (builder instanceof AiDecision.Builder b) {
      b.system(system).occurredAt(at).controls(controls).refs(refs);
    } else if (builder instanceof MonitoringEvent.Builder b) {
      b.system(system).occurredAt(at).controls(controls).refs(refs);
    } else if (builder instanceof OversightAction.Builder b) {
      b.system(system).occurredAt(at).controls(controls).refs(refs);
    } else if (builder instanceof AiIncidentEvent.Builder b) {
      b.system(system).occurredAt(at).controls(controls).refs(refs);
    } else if (builder instanceof KeyRotation.Builder b) {
      b.system(system).occurredAt(at).controls(controls).refs(refs);
    }
  }

  private static ProtectedValue protectedValue(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> new Commitment(hex(r, 64));
      case 1 -> ProtectedValue.redacted(text(r));
      default -> ProtectedValue.plain(text(r));
    };
  }

  private static Instant instant(Random r) {
    long s = Violations.MIN_SECOND + (long) (r.nextDouble() * (Violations.MAX_SECOND - 1000));
    int nanos =
        switch (r.nextInt(4)) {
          case 0 -> 0;
          case 1 -> r.nextInt(1000) * 1_000_000;
          case 2 -> r.nextInt(1_000_000) * 1000;
          default -> r.nextInt(1_000_000_000);
        };
    return Instant.ofEpochSecond(s, nanos);
  }

  /** A name with at least one printable ASCII char and no control chars. */
  private static String name(Random r) {
    StringBuilder s = new StringBuilder(pick(r, "risk-gbm", "4.2.0", "uw-117", "m", "INC-7"));
    for (int i = r.nextInt(3); i > 0; i--) {
      String w = pick(r, WORDS);
      if (w.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
        s.append(r.nextBoolean() ? " " : "").append(w);
      }
    }
    return s.toString();
  }

  /** Free text with at least one printable ASCII char. */
  private static String text(Random r) {
    StringBuilder s = new StringBuilder(pick(r, "refer", "x", "score band C"));
    for (int i = r.nextInt(6); i > 0; i--) {
      s.append(' ').append(pick(r, WORDS));
    }
    return s.toString();
  }

  private static String hex(Random r, int digits) {
    StringBuilder s = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      s.append("0123456789abcdef".charAt(r.nextInt(16)));
    }
    return s.toString();
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  /** Applies one mutation, structural or byte-level, to a leaf. */
  static byte[] mutate(byte[] leaf, Random r) {
    int kind = r.nextInt(16);
    if (kind < 9) {
      Object tree;
      try {
        tree = copy(CanonicalJson.parseStrict(leaf));
      } catch (RuntimeException e) {
        return flip(leaf, r); // an earlier mutation left no JSON to edit
      }
      List<Object[]> places = new ArrayList<>();
      collect(tree, places);
      if (places.isEmpty()) {
        return flip(leaf, r); // an earlier mutation left JSON with nothing to edit
      }
      Object[] place = places.get(r.nextInt(places.size()));
      edit(place, kind, r);
      try {
        return CanonicalJson.write(tree);
      } catch (RuntimeException e) {
        return flip(leaf, r);
      }
    }
    String s = new String(leaf, StandardCharsets.UTF_8);
    return switch (kind) {
      case 9 -> flip(leaf, r);
      case 10 -> insert(s, r.nextInt(s.length() + 1), pick(r, " ", "\n", "\t", "\r"));
      case 11 -> leaf.length == 0 ? leaf : java.util.Arrays.copyOf(leaf, r.nextInt(leaf.length));
      case 12 -> duplicateMember(s, r);
      case 13 -> swapMembers(s);
      case 14 ->
          r.nextBoolean() ? escape(s, r) : r.nextBoolean() ? intoString(leaf, r) : swapKeys(s, r);
      default -> insert(s, 1, "\"" + pick(r, KEYS) + "\":" + pick(r, "1.0", "1e2", "-0", "01,"));
    };
  }

  // Byte sequences that canonical strings never hold, or hold only in this exact form.
  private static final int[][] STRING_BYTES = {
    {0x01},
    {0x1F},
    {0x7F},
    {0x80},
    {0xBF},
    {0xC0, 0x80},
    {0xC1, 0xBF},
    {0xC2},
    {0xC2, 0x41},
    {0xC2, 0xA0},
    {0xE0, 0x80, 0x80},
    {0xE0, 0xA0, 0x80},
    {0xED, 0xA0, 0x80},
    {0xED, 0x9F, 0xBF},
    {0xEF, 0xBF, 0xBF},
    {0xE2, 0x80},
    {0xF0, 0x80, 0x80, 0x80},
    {0xF0, 0x90, 0x80, 0x80},
    {0xF4, 0x8F, 0xBF, 0xBF},
    {0xF4, 0x90, 0x80, 0x80},
    {0xF5, 0x80, 0x80, 0x80},
    {0xF8, 0x88, 0x80, 0x80, 0x80},
    {'\\', 'u', '0', '0', '1', 'f'},
    {'\\', 'u', '0', '0', '1', 'F'},
    {'\\', 'u', '0', '0', '0', 'a'},
    {'\\', 'u', '0', '0', '2', '0'},
    {'\\', 'u', '0', '0', '7', 'f'},
    {'\\', 'u', '0', '0', '0'},
    {'\\', '/'},
    {'\\', 'x'},
    {'\\', 'n'},
    {'\\', '"'},
  };

  /** Puts bytes of {@link #STRING_BYTES} at the start of a string value of the leaf. */
  private static byte[] intoString(byte[] leaf, Random r) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i + 2 < leaf.length; i++) {
      if (leaf[i] == ':' && leaf[i + 1] == '"') {
        starts.add(i + 2);
      }
    }
    if (starts.isEmpty()) {
      return flip(leaf, r);
    }
    int at = starts.get(r.nextInt(starts.size()));
    int[] what = STRING_BYTES[r.nextInt(STRING_BYTES.length)];
    byte[] out = new byte[leaf.length + what.length];
    System.arraycopy(leaf, 0, out, 0, at);
    for (int i = 0; i < what.length; i++) {
      out[at + i] = (byte) what[i];
    }
    System.arraycopy(leaf, at, out, at + what.length, leaf.length - at);
    return out;
  }

  /** Swaps the first two members of a map whose keys are the host's, or repeats its first. */
  private static byte[] swapKeys(String s, Random r) {
    int open = s.indexOf(r.nextBoolean() ? "\"refs\":{\"" : "\"attributes\":{\"");
    if (open < 0) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    int from = s.indexOf('{', open) + 1;
    int close = s.indexOf('}', from);
    if (close < 0) {
      // An earlier change cut the map open: nothing to swap.
      return s.getBytes(StandardCharsets.UTF_8);
    }
    String[] members = s.substring(from, close).split(",(?=\")");
    String body =
        members.length >= 2 && r.nextBoolean()
            ? members[1]
                + ","
                + members[0]
                + s.substring(from + members[0].length() + 1 + members[1].length(), close)
            : members[0] + "," + s.substring(from, close);
    return (s.substring(0, from) + body + s.substring(close)).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] flip(byte[] leaf, Random r) {
    byte[] out = leaf.clone();
    if (out.length > 0) {
      int at = r.nextInt(out.length);
      out[at] = r.nextBoolean() ? (byte) r.nextInt(256) : (byte) (out[at] ^ (1 << r.nextInt(8)));
    }
    return out;
  }

  private static byte[] insert(String s, int at, String what) {
    at = Math.min(at, s.length());
    return (s.substring(0, at) + what + s.substring(at)).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] duplicateMember(String s, Random r) {
    String member =
        pick(
            r,
            "\"schema\":\"" + Envelope.SCHEMA + "\",",
            "\"body\":{},",
            "\"controls\":[\"A.6.2.8\"],");
    return insert(s, 1, member);
  }

  private static byte[] swapMembers(String s) {
    // The body first, then the schema: put the schema first instead, out of order.
    int schema = s.indexOf(",\"schema\":");
    int system = s.indexOf(",\"system\":");
    if (schema < 0 || system <= schema) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    String member = s.substring(schema + 1, system);
    return ("{" + member + "," + s.substring(1, schema) + s.substring(system))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] escape(String s, Random r) {
    int at = s.indexOf(pick(r, "a", "e", "/", "C", "1"), r.nextInt(Math.max(1, s.length())));
    if (at < 0) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    char c = s.charAt(at);
    String esc = c == '/' ? "\\/" : String.format("\\u%04x", (int) c);
    return (s.substring(0, at) + esc + s.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
  }

  /** Deep copy into mutable maps and lists. */
  private static Object copy(Object tree) {
    if (tree instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, v) -> out.put((String) k, copy(v)));
      return out;
    }
    if (tree instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(copy(v)));
      return out;
    }
    return tree;
  }

  /** Every place that can be edited: {container, key or index}, the root as {holder, 0}. */
  private static void collect(Object tree, List<Object[]> places) {
    if (tree instanceof Map<?, ?> m) {
      places.add(new Object[] {m, null});
      for (Map.Entry<?, ?> e : m.entrySet()) {
        places.add(new Object[] {m, e.getKey()});
        collect(e.getValue(), places);
      }
    } else if (tree instanceof List<?> l) {
      places.add(new Object[] {l, null});
      for (int i = 0; i < l.size(); i++) {
        places.add(new Object[] {l, i});
        collect(l.get(i), places);
      }
    }
  }

  /**
   * Returns a value that is like {@code current} but just outside (or just inside) what its field
   * admits, so that mutations reach each constraint often: edge strings of the same shape.
   */
  private static Object nearMiss(Object current, Random r) {
    if (!(current instanceof String s) || r.nextBoolean()) {
      return EDGES[r.nextInt(EDGES.length)];
    }
    List<Object> alike = new ArrayList<>();
    for (Object e : EDGES) {
      if (e instanceof String edge && shape(edge) == shape(s)) {
        alike.add(edge);
      }
    }
    return alike.isEmpty() ? EDGES[r.nextInt(EDGES.length)] : alike.get(r.nextInt(alike.size()));
  }

  /** A rough kind of string: instant, decimal, hex or digest, upper-case word, or other. */
  private static int shape(String s) {
    if (s.matches("[-+0-9]{4,6}-.*")) {
      return 0;
    }
    if (s.matches("[-+.0-9e]{1,8}")) {
      return 1;
    }
    if (s.matches("(sha25.:)?[0-9a-fA-Fg]{16,}")) {
      return 2;
    }
    if (s.matches("[A-Za-z_-]+") && s.length() < 20) {
      return 3;
    }
    return 4;
  }

  @SuppressWarnings("unchecked")
  private static void edit(Object[] place, int kind, Random r) {
    Object current =
        place[1] == null
            ? null
            : place[0] instanceof Map<?, ?> m
                ? m.get(place[1])
                : ((List<?>) place[0]).get((Integer) place[1]);
    Object value = nearMiss(current, r);
    if (r.nextInt(6) == 0 && value instanceof String) {
      value = text(r);
    }
    value = copy(value);
    if (place[0] instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      String key = (String) place[1];
      if (key == null || kind == 0) {
        map.put(pick(r, KEYS), value); // an extra or replaced member
      } else if (kind <= 2) {
        map.remove(key);
      } else if (kind <= 4) {
        Object v = map.remove(key);
        map.put(pick(r, KEYS), v); // renamed
      } else {
        map.put(key, value);
      }
    } else {
      List<Object> list = (List<Object>) place[0];
      Integer i = (Integer) place[1];
      if (i == null || kind <= 2) {
        list.add(r.nextInt(list.size() + 1), value);
      } else if (kind <= 4) {
        list.remove((int) i);
      } else {
        list.set(i, value);
      }
    }
  }
}
