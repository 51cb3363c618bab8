package dev.aims.evidence.record;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Control;
import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.incident.IncidentStatus;
import dev.aims.evidence.privacy.PlainValue;
import dev.aims.evidence.privacy.RedactedSummary;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Decides on the bytes of a leaf, in one pass and without building a tree, strings or a record,
 * whether it is strict canonical JSON and an evidence record that {@link Envelope#decode} and
 * {@link LoggedRecord#record()} accept: the canonical form, the envelope, the body of its type and
 * every constraint the typed record checks when built.
 *
 * <p>It only ever answers "yes, surely" or "unsure": the canonical check and the decoder stay the
 * authorities, and a caller asks them whenever this says false (for the reason, or because the leaf
 * is of a kind this scan leaves to them). It covers the leaves a log is made of: AI decisions,
 * monitoring events, oversight actions and incidents, with the fields the writers of this package
 * emit. Key rotations, impact assessments, unknown members, integers and strings made only of
 * non-ASCII spaces are left to the others. Property tests hold it to them: whatever it accepts,
 * {@code CanonicalJson.isCanonicalStrict} and the decoder accept.
 *
 * <p>Being exact about the canonical form is cheap here, because the scan knows every member name
 * and separator in advance: what is left to check is the strings (the writer's escapes only,
 * well-formed UTF-8, no raw control characters) and the order of the keys of the two maps whose
 * names are the host's ({@code refs}, {@code attributes}). Never throws on any bytes, never reads
 * outside the range. Public only for the log verifiers of aims-evidence; not a stable API. Not
 * thread-safe: one instance per thread, reused across leaves (it keeps the state of the string it
 * read last, so that it allocates nothing).
 */
public final class LeafScan {
  private static final byte[] ENVELOPE_BODY = ascii("{\"body\":{");
  private static final byte[] ENVELOPE_CONTROLS = ascii(",\"controls\":[");
  private static final byte[] ENVELOPE_OCCURRED_AT = ascii(",\"occurredAt\":");
  private static final byte[] ENVELOPE_RECORDED_AT = ascii(",\"recordedAt\":");
  private static final byte[] ENVELOPE_REFS = ascii(",\"refs\":{");
  private static final byte[] ENVELOPE_SCHEMA_SYSTEM =
      ascii(",\"schema\":\"" + Envelope.SCHEMA + "\",\"system\":");
  private static final byte[] SHA256 = ascii("sha256:");
  private static final int DIGEST_HEX = 64;
  private static final int TRACE_ID_HEX = 32;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long SPACES = 0x2020202020202020L;
  private static final int SPAN_ID_HEX = 16;

  /** The record types this scan decides, in the order of {@link #TYPE_TAILS}. */
  private static final RecordType[] TYPES = {
    RecordType.AI_DECISION,
    RecordType.MONITORING_EVENT,
    RecordType.OVERSIGHT_ACTION,
    RecordType.AI_INCIDENT
  };

  /** The end of a leaf of each type in {@link #TYPES}: {@code ,"type":"ai-decision"}}. */
  private static final byte[][] TYPE_TAILS = new byte[TYPES.length][];

  /** The default controls of each type in {@link #TYPES}, as the leaf writes them. */
  private static final byte[][] DEFAULT_CONTROLS = new byte[TYPES.length][];

  static {
    for (int t = 0; t < TYPES.length; t++) {
      byte[] value = TYPES[t].leafValue();
      byte[] tail = Arrays.copyOf(ascii(",\"type\":"), 8 + value.length + 1);
      System.arraycopy(value, 0, tail, 8, value.length);
      tail[tail.length - 1] = '}';
      TYPE_TAILS[t] = tail;
      JsonBytes out = new JsonBytes();
      out.strings(TYPES[t].defaultControls());
      DEFAULT_CONTROLS[t] = out.toByteArray();
    }
  }

  // The ids of the catalogue's Annex A controls, as written in leaves.
  private static final byte[][] CONTROL_IDS = controlIds();

  // Member names, each with its quotes and colon, e.g. "model": (order matters: the index is the
  // member's bit in the set of members seen).
  private static final byte[][] AI_DECISION_KEYS =
      keys(
          "attributes",
          "confidence",
          "decision",
          "input",
          "model",
          "modelVersion",
          "output",
          "oversight",
          "spanId",
          "traceId");
  private static final int AI_DECISION_REQUIRED =
      0b00_0111_1100; // decision, input, model, modelVersion, output
  private static final byte[][] OVERSIGHT_KEYS = keys("outcome", "overrideReason", "reviewer");
  private static final byte[][] MONITORING_KEYS =
      keys("breach", "kind", "metric", "threshold", "value");
  private static final byte[][] OVERSIGHT_ACTION_KEYS =
      keys("decisionLeafHash", "outcome", "reason", "reviewer", "traceId");
  private static final byte[][] INCIDENT_KEYS = keys("incidentId", "severity", "status", "summary");
  private static final byte[][] PROTECTED_KEYS = keys("commitment", "plain", "redacted");

  private static final byte[][] OUTCOMES = names(OversightOutcome.values());
  private static final int OVERRIDDEN = OversightOutcome.OVERRIDDEN.ordinal();
  private static final byte[][] MONITORING_KINDS = names(MonitoringKind.values());
  private static final byte[][] SEVERITIES = names(IncidentSeverity.values());
  private static final byte[][] STATUSES = statuses();
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");

  private byte[] in;
  private int end;
  // The position the scan has reached.
  private int p;

  // What the last string read holds: its content's range (between the quotes), its length in
  // UTF-16 chars, whether it is plain ASCII without escapes, whether it holds a control character,
  // and whether it surely holds a char that is not whitespace (so is not blank).
  private int from;
  private int to;
  private int chars;
  private boolean plain;
  private boolean control;
  private boolean visible;

  // Controls named by the leaf being read, by their index in CONTROL_IDS, to find one named twice.
  private final boolean[] named = new boolean[CONTROL_IDS.length];

  /** Creates a scan, to be reused for many leaves on one thread. */
  public LeafScan() {}

  /**
   * Returns true when the leaf {@code in[off, off + len)} is surely strict canonical JSON and an
   * evidence record that the decoder accepts, and false when it is not or this scan cannot tell.
   *
   * @throws IllegalArgumentException if the range lies outside {@code in}
   */
  public boolean isRecord(byte[] in, int off, int len) {
    if (off < 0 || len < 0 || off > in.length - len) {
      throw new IllegalArgumentException(
          "range [" + off + ", " + off + "+" + len + ") is outside the input of " + in.length);
    }
    int t = typeOf(in, off, off + len);
    if (t < 0) {
      return false;
    }
    this.in = in;
    this.end = off + len - TYPE_TAILS[t].length;
    this.p = off;
    try {
      return envelope(t);
    } finally {
      this.in = null; // the caller's buffer is not held on to
    }
  }

  /** Returns the index in {@link #TYPES} of the type the leaf names at its end, or -1. */
  private static int typeOf(byte[] in, int off, int end) {
    for (int t = 0; t < TYPE_TAILS.length; t++) {
      byte[] tail = TYPE_TAILS[t];
      if (end - off > tail.length
          && Arrays.equals(in, end - tail.length, end, tail, 0, tail.length)) {
        return t;
      }
    }
    return -1;
  }

  private boolean envelope(int t) {
    if (!literal(ENVELOPE_BODY) || !body(TYPES[t])) {
      return false;
    }
    if (!literal(ENVELOPE_CONTROLS) || !controls(t)) {
      return false;
    }
    if (!literal(ENVELOPE_OCCURRED_AT) || !instant()) {
      return false;
    }
    if (!literal(ENVELOPE_RECORDED_AT) || !instant()) {
      return false;
    }
    if (!literal(ENVELOPE_REFS) || !refs()) {
      return false;
    }
    // The type's member was matched by typeOf and lies beyond end, so the system must end there.
    return literal(ENVELOPE_SCHEMA_SYSTEM) && string() && p == end && isSlug(from, to);
  }

  private boolean body(RecordType type) {
    return switch (type) {
      case AI_DECISION -> aiDecision();
      case MONITORING_EVENT -> monitoringEvent();
      case OVERSIGHT_ACTION -> oversightAction();
      case AI_INCIDENT -> incident();
      default -> false;
    };
  }

  private boolean aiDecision() {
    int seen = 0;
    int next = 0;
    do {
      int k = key(AI_DECISION_KEYS, next);
      next = k + 1;
      seen |= 1 << k;
      boolean ok =
          switch (k) {
            case 0 -> attributes();
            case 1 -> string() && unitDecimal();
            case 2 -> text(Violations.MAX_TEXT);
            case 3, 6 -> protectedValue();
            case 4, 5 -> name();
            case 7 -> humanOversight();
            case 8 -> string() && hex(SPAN_ID_HEX, true);
            case 9 -> string() && hex(TRACE_ID_HEX, true);
            default -> false;
          };
      if (!ok) {
        return false;
      }
    } while (comma());
    boolean spanWithoutTrace = (seen & (1 << 8)) != 0 && (seen & (1 << 9)) == 0;
    return skip('}') && (seen & AI_DECISION_REQUIRED) == AI_DECISION_REQUIRED && !spanWithoutTrace;
  }

  private boolean humanOversight() {
    if (!skip('{')) {
      return false;
    }
    int seen = 0;
    int next = 0;
    int outcome = -1;
    do {
      int k = key(OVERSIGHT_KEYS, next);
      next = k + 1;
      seen |= 1 << k;
      boolean ok =
          switch (k) {
            case 0 -> (outcome = enumValue(OUTCOMES)) >= 0;
            case 1 -> text(Violations.MAX_TEXT);
            case 2 -> name();
            default -> false;
          };
      if (!ok) {
        return false;
      }
    } while (comma());
    boolean reasonMissing = outcome == OVERRIDDEN && (seen & 0b010) == 0;
    return skip('}') && (seen & 0b101) == 0b101 && !reasonMissing;
  }

  private boolean monitoringEvent() {
    int seen = 0;
    int next = 0;
    do {
      int k = key(MONITORING_KEYS, next);
      next = k + 1;
      seen |= 1 << k;
      boolean ok =
          switch (k) {
            case 0 -> literal(TRUE) || literal(FALSE);
            case 1 -> enumValue(MONITORING_KINDS) >= 0;
            case 2 -> name();
            case 3, 4 -> string() && decimal();
            default -> false;
          };
      if (!ok) {
        return false;
      }
    } while (comma());
    return skip('}') && (seen & 0b10111) == 0b10111;
  }

  private boolean oversightAction() {
    int seen = 0;
    int next = 0;
    int outcome = -1;
    do {
      int k = key(OVERSIGHT_ACTION_KEYS, next);
      next = k + 1;
      seen |= 1 << k;
      boolean ok =
          switch (k) {
            case 0 -> string() && hex(DIGEST_HEX, false);
            case 1 -> (outcome = enumValue(OUTCOMES)) >= 0;
            case 2 -> text(Violations.MAX_TEXT);
            case 3 -> name();
            case 4 -> string() && hex(TRACE_ID_HEX, true);
            default -> false;
          };
      if (!ok) {
        return false;
      }
    } while (comma());
    boolean reasonMissing = outcome == OVERRIDDEN && (seen & 0b00100) == 0;
    return skip('}') && (seen & 0b01010) == 0b01010 && !reasonMissing;
  }

  private boolean incident() {
    int seen = 0;
    int next = 0;
    do {
      int k = key(INCIDENT_KEYS, next);
      next = k + 1;
      seen |= 1 << k;
      boolean ok =
          switch (k) {
            case 0 -> name();
            case 1 -> enumValue(SEVERITIES) >= 0;
            case 2 -> enumValue(STATUSES) >= 0;
            case 3 -> text(Violations.MAX_TEXT);
            default -> false;
          };
      if (!ok) {
        return false;
      }
    } while (comma());
    return skip('}') && seen == 0b1111;
  }

  /** A commitment, redacted summary or plain value: an object of exactly one of them. */
  private boolean protectedValue() {
    if (!skip('{')) {
      return false;
    }
    boolean ok =
        switch (key(PROTECTED_KEYS, 0)) {
          case 0 -> string() && commitment();
          case 1 -> text(PlainValue.MAX_LENGTH);
          case 2 -> text(RedactedSummary.MAX_LENGTH);
          default -> false;
        };
    return ok && skip('}');
  }

  private boolean commitment() {
    int n = SHA256.length;
    return plain
        && to - from == n + DIGEST_HEX
        && Arrays.equals(in, from, from + n, SHA256, 0, n)
        && isHex(from + n, to);
  }

  /** OpenTelemetry attributes: dotted lower-case names, single-line values. */
  private boolean attributes() {
    if (!skip('{')) {
      return false;
    }
    if (skip('}')) {
      return true;
    }
    int previousFrom = -1;
    int previousTo = -1;
    do {
      if (!string() || !plain || !isAttributeName(from, to) || !after(previousFrom, previousTo)) {
        return false;
      }
      previousFrom = from;
      previousTo = to;
      if (!skip(':') || !name()) {
        return false;
      }
    } while (comma());
    return skip('}');
  }

  private boolean controls(int t) {
    // Nearly every record names its type's default controls, which are not checked again.
    byte[] defaults = DEFAULT_CONTROLS[t];
    int start = p - 1; // the bracket the envelope literal ended with
    if (end - start >= defaults.length
        && Arrays.equals(in, start, start + defaults.length, defaults, 0, defaults.length)) {
      p = start + defaults.length;
      return true;
    }
    if (skip(']')) {
      return false; // none: NotEmpty
    }
    Arrays.fill(named, false);
    int count = 0;
    do {
      if (!string() || !plain || ++count > Violations.MAX_CONTROLS) {
        return false;
      }
      int c = controlIndex(from, to);
      if (c < 0 || named[c]) {
        return false;
      }
      named[c] = true;
    } while (comma());
    return skip(']');
  }

  private int controlIndex(int a, int b) {
    for (int c = 0; c < CONTROL_IDS.length; c++) {
      byte[] id = CONTROL_IDS[c];
      if (Arrays.equals(in, a, b, id, 0, id.length)) {
        return c;
      }
    }
    return -1;
  }

  /** Artefact references: slug names, {@code sha256:} digests. */
  private boolean refs() {
    if (skip('}')) {
      return true;
    }
    int count = 0;
    int previousFrom = -1;
    int previousTo = -1;
    do {
      if (!string() || !plain || !isSlug(from, to) || ++count > Violations.MAX_REFS) {
        return false;
      }
      if (!after(previousFrom, previousTo)) {
        return false;
      }
      previousFrom = from;
      previousTo = to;
      if (!skip(':') || !string() || !commitment()) {
        return false;
      }
    } while (comma());
    return skip('}');
  }

  /**
   * An instant as {@code Instant.parse} reads it, in the one form leaves write: {@code
   * yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits, {@code Z}; a real date of the
   * years 0001 to 9999 (the range a record's {@code occurredAt} must lie in), no leap second.
   */
  private boolean instant() {
    if (!string() || !plain) {
      return false;
    }
    int n = to - from;
    if (n < 20 || n > 30 || n == 21 || in[to - 1] != 'Z') {
      return false;
    }
    int a = from;
    if (in[a + 4] != '-'
        || in[a + 7] != '-'
        || in[a + 10] != 'T'
        || in[a + 13] != ':'
        || in[a + 16] != ':') {
      return false;
    }
    int year = digits(a, 4);
    int month = digits(a + 5, 2);
    int day = digits(a + 8, 2);
    int hour = digits(a + 11, 2);
    int minute = digits(a + 14, 2);
    int second = digits(a + 17, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
      return false;
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return false;
    }
    if (n > 20 && (in[a + 19] != '.' || digits(a + 20, n - 21) < 0)) {
      return false;
    }
    return true;
  }

  private int digits(int a, int n) {
    int v = 0;
    for (int i = a; i < a + n; i++) {
      int d = in[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** A single-line name as {@link Violations#name} requires it. */
  private boolean name() {
    return string() && !control && visible && chars <= Violations.MAX_NAME;
  }

  /** Free text as {@link Violations#text} (and the privacy values) require it. */
  private boolean text(int max) {
    // Well-formed UTF-8, which canonical JSON is, has no lone surrogate.
    return string() && visible && chars <= max;
  }

  /** Returns the index in {@code names} of the string's value, or -1. */
  private int enumValue(byte[][] names) {
    if (!string() || !plain) {
      return -1;
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].length == to - from && same(from, names[i])) {
        return i;
      }
    }
    return -1;
  }

  /** {@link Violations#isDecimal} on the string just read. */
  private boolean decimal() {
    int n = to - from;
    if (!plain || n == 0 || n > Violations.MAX_DECIMAL) {
      return false;
    }
    int i = in[from] == '-' ? from + 1 : from;
    int intStart = i;
    while (i < to && isDigit(in[i])) {
      i++;
    }
    int intDigits = i - intStart;
    if (intDigits == 0 || (intDigits > 1 && in[intStart] == '0')) {
      return false;
    }
    if (i == to) {
      return true;
    }
    if (in[i] != '.') {
      return false;
    }
    int fracStart = ++i;
    while (i < to && isDigit(in[i])) {
      i++;
    }
    return i == to && i > fracStart;
  }

  /** A decimal between 0 and 1 inclusive, as {@link Violations#unitDecimal} requires it. */
  private boolean unitDecimal() {
    if (!decimal()) {
      return false;
    }
    byte first = in[from];
    if (first == '0') {
      return true;
    }
    // Besides 0.x, only zero with a sign (-0, -0.00) and one (1, 1.00) are in range.
    if (first != '-' && first != '1') {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      if (in[i] != '0' && in[i] != '.') {
        return false;
      }
    }
    return true;
  }

  /** Exactly {@code digits} lower-case hex digits; not all zero when {@code nonZero}. */
  private boolean hex(int digits, boolean nonZero) {
    if (!plain || to - from != digits || !isHex(from, to)) {
      return false;
    }
    if (nonZero) {
      for (int i = from; i < to; i++) {
        if (in[i] != '0') {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  private boolean isHex(int a, int b) {
    for (int i = a; i < b; i++) {
      byte c = in[i];
      if (!isDigit(c) && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /** {@link Violations#isSlug} on ASCII bytes. */
  private boolean isSlug(int a, int b) {
    int n = b - a;
    if (!plain || n == 0 || n > 64) {
      return false;
    }
    for (int i = a; i < b; i++) {
      byte c = in[i];
      boolean ok =
          (c >= 'a' && c <= 'z') || isDigit(c) || (i > a && (c == '.' || c == '_' || c == '-'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code in[a, b)} matches {@code [a-z][a-z0-9_]*(\.[a-z0-9_]+)*}. */
  private boolean isAttributeName(int a, int b) {
    if (a == b || in[a] < 'a' || in[a] > 'z') {
      return false;
    }
    boolean afterDot = false;
    for (int i = a + 1; i < b; i++) {
      byte c = in[i];
      if (c == '.') {
        if (afterDot) {
          return false;
        }
        afterDot = true;
      } else if ((c >= 'a' && c <= 'z') || isDigit(c) || c == '_') {
        afterDot = false;
      } else {
        return false;
      }
    }
    return !afterDot;
  }

  /**
   * Whether the plain ASCII key just read sorts strictly after the one at {@code [a, b)} (none when
   * {@code a < 0}): canonical members are in ascending order, with no key twice. For ASCII, byte
   * order is the UTF-16 order RFC 8785 sorts by.
   */
  private boolean after(int a, int b) {
    if (a < 0) {
      return true;
    }
    return Arrays.compareUnsigned(in, a, b, in, from, to) < 0;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Reads a string at {@link #p}, sets what it holds and moves past it; false if there is none or
   * it is not in canonical form (a raw control, an escape the writer would not make, UTF-8 that is
   * not well-formed).
   */
  private boolean string() {
    // Locals, so that the loop keeps them in registers.
    byte[] in = this.in;
    int end = this.end;
    int q = p;
    if (q >= end || in[q] != '"') {
      return false;
    }
    from = ++q;
    int n = 0;
    boolean ascii = true;
    boolean ctl = false;
    boolean vis = false;
    while (true) {
      if (end - q >= 8 && isPlainRun((long) LONGS.get(in, q))) {
        vis |= (long) LONGS.get(in, q) != SPACES;
        n += 8;
        q += 8;
        continue;
      }
      if (q >= end) {
        return false;
      }
      int b = in[q] & 0xFF;
      if (b == '"') {
        break;
      }
      n++;
      if (b == '\\') {
        ascii = false;
        if (q + 1 >= end) {
          return false;
        }
        byte e = in[q + 1];
        if (e == '"' || e == '\\') {
          vis = true;
          q += 2;
        } else if (e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
          ctl = true; // never printable, maybe whitespace
          q += 2;
        } else if (e == 'u' && isControlEscape(in, q, end)) {
          ctl = true;
          q += 6;
        } else {
          return false;
        }
      } else if (b < 0x80) {
        if (b < 0x20) {
          return false; // raw: not canonical
        } else if (b == 0x7F) {
          ctl = true;
        } else if (b != ' ') {
          vis = true;
        }
        q++;
      } else {
        ascii = false;
        int len = utf8(in, q, end, b);
        if (len < 0) {
          return false;
        }
        if (len == 4) {
          n++; // a surrogate pair in UTF-16; no whitespace lies beyond the BMP
          vis = true;
        } else if (len == 3) {
          // Unicode's spaces of three bytes start E1, E2 or E3 (U+1680, U+2000.., U+3000).
          vis |= b == 0xE0 || b > 0xE3;
        } else {
          vis = true; // U+0080 to U+07FF holds no char that Character.isWhitespace accepts
        }
        q += len;
      }
    }
    to = q;
    p = q + 1;
    chars = n;
    plain = ascii;
    control = ctl;
    visible = vis;
    return true;
  }

  /**
   * Whether the escape at {@code q} is a six-byte one as the canonical writer makes it: a
   * backslash, {@code u00} and two lower-case hex digits, for a control character without a
   * two-byte escape.
   */
  private static boolean isControlEscape(byte[] in, int q, int end) {
    if (end - q < 6 || in[q + 2] != '0' || in[q + 3] != '0') {
      return false;
    }
    int hi = in[q + 4];
    int lo = in[q + 5];
    int low = lo >= '0' && lo <= '9' ? lo - '0' : lo >= 'a' && lo <= 'f' ? lo - 'a' + 10 : -1;
    if ((hi != '0' && hi != '1') || low < 0) {
      return false;
    }
    int v = (hi - '0') << 4 | low;
    return v != '\b' && v != '\t' && v != '\n' && v != '\f' && v != '\r';
  }

  /**
   * Returns the length of the well-formed UTF-8 sequence at {@code q} that starts with {@code b}
   * (at least 0x80), or -1: no overlong forms, surrogates or code points beyond U+10FFFF, as
   * canonical JSON requires.
   */
  private static int utf8(byte[] in, int q, int end, int b) {
    int need;
    int min = 0x80;
    int max = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      min = b == 0xE0 ? 0xA0 : min;
      max = b == 0xED ? 0x9F : max;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      min = b == 0xF0 ? 0x90 : min;
      max = b == 0xF4 ? 0x8F : max;
    } else {
      return -1;
    }
    if (end - q <= need) {
      return -1;
    }
    int b1 = in[q + 1] & 0xFF;
    if (b1 < min || b1 > max) {
      return -1;
    }
    for (int k = 2; k <= need; k++) {
      int c = in[q + k] & 0xFF;
      if (c < 0x80 || c > 0xBF) {
        return -1;
      }
    }
    return need + 1;
  }

  /**
   * Whether eight bytes are all printable ASCII or space, with no quote, backslash or DEL: the runs
   * most strings are made of, read a word at a time.
   */
  private static boolean isPlainRun(long w) {
    long below = (w - 0x2020202020202020L) & ~w;
    long quote = hasZero(w ^ 0x2222222222222222L);
    long backslash = hasZero(w ^ 0x5C5C5C5C5C5C5C5CL);
    long del = hasZero(w ^ 0x7F7F7F7F7F7F7F7FL);
    return ((w | below | quote | backslash | del) & HIGHS) == 0;
  }

  /** Nonzero exactly when a byte of {@code w} is zero (in its high bit, or a higher byte's). */
  private static long hasZero(long w) {
    return (w - ONES) & ~w & HIGHS;
  }

  /**
   * Matches a member name of {@code names} from index {@code from} on at {@link #p} and moves past
   * it; -1 if none. Canonical members come in the sorted order of {@code names}, so a caller passes
   * the index after the last member matched, which also refuses a member out of order.
   */
  private int key(byte[][] names, int from) {
    for (int k = from; k < names.length; k++) {
      if (literal(names[k])) {
        return k;
      }
    }
    return -1;
  }

  /** Moves past {@code bytes} if they come next; false otherwise. */
  private boolean literal(byte[] bytes) {
    int n = bytes.length;
    if (end - p < n || !same(p, bytes)) {
      return false;
    }
    p += n;
    return true;
  }

  /** Whether {@code in} holds {@code bytes} at {@code at} (the caller checked the length). */
  private boolean same(int at, byte[] bytes) {
    // Eight bytes at a time: most names and literals are longer than a word.
    byte[] in = this.in;
    int n = bytes.length;
    int i = 0;
    for (; n - i >= 8; i += 8) {
      if ((long) LONGS.get(in, at + i) != (long) LONGS.get(bytes, i)) {
        return false;
      }
    }
    for (; i < n; i++) {
      if (in[at + i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  /** Moves past {@code c} if it is next; false otherwise. */
  private boolean skip(char c) {
    if (p < end && in[p] == c) {
      p++;
      return true;
    }
    return false;
  }

  private boolean comma() {
    return skip(',');
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[][] keys(String... names) {
    byte[][] out = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      out[i] = ascii("\"" + names[i] + "\":");
    }
    return out;
  }

  private static byte[][] names(Enum<?>[] values) {
    byte[][] out = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = ascii(values[i].name());
    }
    return out;
  }

  private static byte[][] statuses() {
    IncidentStatus[] values = IncidentStatus.values();
    byte[][] out = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = ascii(AiIncidentEvent.logName(values[i]));
    }
    return out;
  }

  private static byte[][] controlIds() {
    List<Control> controls = Catalog.standard().controls();
    byte[][] out = new byte[controls.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = ascii(controls.get(i).id());
    }
    return out;
  }
}
