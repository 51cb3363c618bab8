package dev.aims.evidence.record;

import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.PlainValue;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.privacy.RedactedSummary;
import java.time.Instant;
import java.util.List;

/**
 * The leaf of the evidence log: one record under a versioned envelope, written as RFC 8785
 * canonical JSON in the strict profile (strings for decimals, no floating point, integers within
 * ±(2^53-1), keys sorted, no duplicate keys).
 *
 * <pre>{@code
 * {"body":{...},"controls":["A.6.2.8"],"occurredAt":"2026-03-01T09:30:00.120Z",
 *  "recordedAt":"2026-03-01T09:30:00.121Z","refs":{},"schema":"dev.aims.evidence/v1",
 *  "system":"credit-scoring","type":"ai-decision"}
 * }</pre>
 *
 * <p>{@code occurredAt} is when the event happened, {@code recordedAt} when the log took it; {@code
 * body} has the shape of the {@code type}; {@code refs} maps names to {@code sha256:} digests of
 * larger artefacts. The writer emits members in an order fixed at compile time and allocates only
 * the result array, because it runs on every logged record. Thread-safe.
 */
public final class Envelope {
  /** The envelope's version, the value of its {@code schema} member. */
  public static final String SCHEMA = "dev.aims.evidence/v1";

  /**
   * The largest leaf in bytes: the C2SP tlog-tiles entry bundles that logs are exported to frame
   * each entry with a 16-bit length.
   */
  public static final int MAX_ENTRY_BYTES = 65_535;

  private static final byte[] BODY = JsonBytes.ascii("{\"body\":");
  private static final byte[] CONTROLS = JsonBytes.ascii(",\"controls\":");
  private static final byte[] OCCURRED_AT = JsonBytes.ascii(",\"occurredAt\":");
  private static final byte[] RECORDED_AT = JsonBytes.ascii(",\"recordedAt\":");
  private static final byte[] REFS = JsonBytes.ascii(",\"refs\":");
  private static final byte[] SCHEMA_MEMBER = JsonBytes.ascii(",\"schema\":\"" + SCHEMA + "\"");
  private static final byte[] SYSTEM = JsonBytes.ascii(",\"system\":");
  private static final byte[] TYPE = JsonBytes.ascii(",\"type\":");
  private static final byte[] COMMITMENT = JsonBytes.ascii("{\"commitment\":\"sha256:");
  private static final byte[] REDACTED = JsonBytes.ascii("{\"redacted\":");
  private static final byte[] PLAIN = JsonBytes.ascii("{\"plain\":");

  private Envelope() {}

  /**
   * Writes a record and the time the log took it as the canonical leaf bytes.
   *
   * @param record a valid record (records are checked when built)
   * @param recordedAt when the log took the record
   * @throws InvalidRecordException if the leaf would exceed {@link #MAX_ENTRY_BYTES}
   * @throws IllegalArgumentException if {@code recordedAt} lies outside the years 0001 to 9999
   */
  public static byte[] encode(EvidenceRecord record, Instant recordedAt) {
    JsonBytes out = JsonBytes.local();
    out.raw(BODY);
    writeBody(record, out);
    out.raw(CONTROLS).strings(record.controls());
    out.raw(OCCURRED_AT).instant(record.occurredAt());
    out.raw(RECORDED_AT).instant(recordedAt);
    out.raw(REFS).stringMap(record.refs());
    out.raw(SCHEMA_MEMBER);
    out.raw(SYSTEM).string(record.system());
    out.raw(TYPE).raw(record.type().leafValue()).raw('}');
    if (out.length() > MAX_ENTRY_BYTES) {
      throw new InvalidRecordException(
          record.type().id() + " record",
          List.of(
              new Violation(
                  "(record)",
                  "MaxEntrySize",
                  out.length() + " bytes",
                  "the canonical leaf must be at most " + MAX_ENTRY_BYTES + " bytes")));
    }
    return out.toByteArray();
  }

  /**
   * Reads leaf bytes back into a {@link LoggedRecord}.
   *
   * @param index the entry's index in the log
   * @param entry the entry's bytes
   * @throws MalformedLeafException naming the JSON path when the bytes are not one of our leaves
   */
  public static LoggedRecord decode(long index, byte[] entry) {
    return LoggedRecord.decode(index, entry);
  }

  private static void writeBody(EvidenceRecord record, JsonBytes out) {
    if (record instanceof AiDecision r) {
      r.writeBody(out);
    } else if (record instanceof MonitoringEvent r) {
      r.writeBody(out);
    } else if (record instanceof OversightAction r) {
      r.writeBody(out);
    } else if (record instanceof AiIncidentEvent r) {
      r.writeBody(out);
    } else if (record instanceof KeyRotation r) {
      r.writeBody(out);
    } else if (record instanceof ImpactAssessmentEvent r) {
      r.writeBody(out);
    } else {
      throw new IllegalArgumentException("no leaf writer for " + record.getClass().getName());
    }
  }

  /** Writes a protected value as its one-member object. */
  static void writeProtected(JsonBytes out, ProtectedValue value) {
    if (value instanceof Commitment c) {
      out.raw(COMMITMENT).rawAscii(c.digest()).raw('"').raw('}');
    } else if (value instanceof RedactedSummary r) {
      out.raw(REDACTED).string(r.summary()).raw('}');
    } else if (value instanceof PlainValue p) {
      out.raw(PLAIN).string(p.value()).raw('}');
    }
  }
}
