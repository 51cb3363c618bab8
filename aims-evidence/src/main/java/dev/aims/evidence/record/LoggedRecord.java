package dev.aims.evidence.record;

import dev.aims.core.validation.InvalidRecordException;
import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.canonical.CanonicalJsonException;
import dev.aims.evidence.merkle.MerkleHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A record as read back from the log: its index, the envelope's attributes, the exact leaf bytes,
 * and the typed record ({@link #record()}).
 *
 * <p>Immutable and thread-safe; {@link #entry()} returns a copy.
 */
public final class LoggedRecord {
  private final long index;
  private final byte[] entry;
  private final RecordType type;
  private final LeafTree.Common common;
  private final Instant recordedAt;
  private final LeafTree body;
  private volatile EvidenceRecord record;

  private LoggedRecord(
      long index,
      byte[] entry,
      RecordType type,
      LeafTree.Common common,
      Instant recordedAt,
      LeafTree body) {
    this.index = index;
    this.entry = entry;
    this.type = type;
    this.common = common;
    this.recordedAt = recordedAt;
    this.body = body;
  }

  static LoggedRecord decode(long index, byte[] entry) {
    Object tree;
    try {
      tree = CanonicalJson.parseStrict(entry);
    } catch (CanonicalJsonException e) {
      throw new MalformedLeafException(
          "$", "entry " + index + " is not JSON of the leaf profile: " + e.getMessage(), e);
    }
    try {
      LeafTree root = LeafTree.root(tree);
      String schema = root.string("schema");
      if (!Envelope.SCHEMA.equals(schema)) {
        throw new MalformedLeafException("$.schema", "'" + schema + "' is not " + Envelope.SCHEMA);
      }
      RecordType type;
      try {
        type = RecordType.of(root.string("type"));
      } catch (MalformedLeafException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new MalformedLeafException("$.type", e.getMessage());
      }
      LeafTree.Common common =
          new LeafTree.Common(
              root.string("system"),
              root.instant("occurredAt"),
              List.copyOf(root.strings("controls")),
              Map.copyOf(root.stringMap("refs")));
      return new LoggedRecord(
          index, entry.clone(), type, common, root.instant("recordedAt"), root.object("body"));
    } catch (MalformedLeafException e) {
      throw new MalformedLeafException(e.path(), "entry " + index + ": " + e.problem(), e);
    }
  }

  /** Returns the entry's index in the log (0-based). */
  public long index() {
    return index;
  }

  /** Returns the record's type. */
  public RecordType type() {
    return type;
  }

  /** Returns the AI system id. */
  public String system() {
    return common.system();
  }

  /** Returns when the event happened. */
  public Instant occurredAt() {
    return common.occurredAt();
  }

  /** Returns when the log took the record (from the log's clock). */
  public Instant recordedAt() {
    return recordedAt;
  }

  /** Returns the Annex A control ids the record evidences. */
  public List<String> controls() {
    return common.controls();
  }

  /** Returns the artefact digests the record refers to, by name. */
  public Map<String, String> refs() {
    return common.refs();
  }

  /** Returns the exact leaf bytes (a copy). */
  public byte[] entry() {
    return entry.clone();
  }

  /** Returns the leaf as text (canonical JSON, UTF-8 decoded). */
  public String json() {
    return new String(entry, StandardCharsets.UTF_8);
  }

  /** Returns the RFC 9162 leaf hash of the entry. */
  public byte[] leafHash() {
    return MerkleHash.leaf(entry);
  }

  /**
   * Returns the typed record, decoded on first call.
   *
   * @throws MalformedLeafException if the body does not have the shape of {@link #type()} or breaks
   *     a constraint of the typed record
   */
  public EvidenceRecord record() {
    EvidenceRecord r = record;
    if (r == null) {
      try {
        r = decodeBody();
      } catch (MalformedLeafException e) {
        throw new MalformedLeafException(e.path(), "entry " + index + ": " + e.problem(), e);
      } catch (InvalidRecordException e) {
        throw new MalformedLeafException("$.body", "entry " + index + ": " + e.getMessage(), e);
      }
      record = r;
    }
    return r;
  }

  /**
   * Returns one line about the record in the words of its type, for listings: the model, version,
   * decision and oversight of a decision; the kind, metric, value, threshold and breach of a
   * monitoring event; and so on. A type without its own line gives its id. The words do not depend
   * on the default locale.
   *
   * @throws MalformedLeafException as {@link #record()} does
   */
  public String summary() {
    EvidenceRecord rec = record();
    if (rec instanceof AiDecision d) {
      return d.model()
          + " "
          + d.modelVersion()
          + ": "
          + d.decision()
          + d.confidence().map(c -> " (confidence " + c + ")").orElse("")
          + d.oversight()
              .map(
                  o ->
                      ", "
                          + o.outcome().toString().toLowerCase(Locale.ROOT)
                          + " by "
                          + o.reviewer())
              .orElse("");
    }
    if (rec instanceof MonitoringEvent m) {
      return m.kind().toString().toLowerCase(Locale.ROOT)
          + " "
          + m.metric()
          + "="
          + m.value()
          + m.threshold().map(t -> " (threshold " + t + ")").orElse("")
          + (m.breach() ? " BREACH" : "");
    }
    if (rec instanceof OversightAction o) {
      return o.outcome().toString().toLowerCase(Locale.ROOT)
          + " by "
          + o.reviewer()
          + o.reason().map(x -> ": " + x).orElse("");
    }
    if (rec instanceof AiIncidentEvent i) {
      return i.incidentId()
          + " "
          + i.severity().toString().toLowerCase(Locale.ROOT)
          + " "
          + i.status().toString().toLowerCase(Locale.ROOT)
          + ": "
          + i.summary();
    }
    if (rec instanceof KeyRotation k) {
      return "signing key " + k.previousKey() + " -> " + k.nextKey();
    }
    return type.id();
  }

  private EvidenceRecord decodeBody() {
    return type.decode(body, common);
  }

  @Override
  public String toString() {
    return "LoggedRecord[" + index + " " + type.id() + " " + common.system() + "]";
  }
}
