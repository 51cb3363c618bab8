package dev.aims.evidence.record;

import dev.aims.core.AimsStyle;
import dev.aims.evidence.note.NoteVerifier;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The change of an evidence log's checkpoint signing key, written into the log by the log itself
 * (A.6.2.8): the verifier keys before and after. The checkpoint that first covers this record is
 * signed by both keys, so a verifier that trusts the previous key learns the next one from the log.
 *
 * <p>Hosts do not build these; {@code EvidenceLog.rotateKey} does. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
public abstract non-sealed class KeyRotation implements EvidenceRecord {
  /** The system id under which the log records events about itself. */
  public static final String LOG_SYSTEM = "evidence-log";

  KeyRotation() {}

  @Override
  public final RecordType type() {
    return RecordType.KEY_ROTATION;
  }

  /** Returns {@link #LOG_SYSTEM} unless set: the rotation concerns the log, not an AI system. */
  @Override
  @Value.Default
  public String system() {
    return LOG_SYSTEM;
  }

  /** Returns the verifier key (C2SP note vkey) that signed checkpoints until now. */
  public abstract String previousKey();

  /** Returns the verifier key that signs checkpoints from now on. */
  public abstract String nextKey();

  /** Returns why the key changed, e.g. {@code scheduled yearly rotation}. */
  public abstract Optional<String> reason();

  @Value.Check
  final void check() {
    Violations v = new Violations("KeyRotation");
    v.common(this);
    NoteVerifier previous = verifierKey(v, "previousKey", previousKey());
    NoteVerifier next = verifierKey(v, "nextKey", nextKey());
    if (previous != null && previous.equals(next)) {
      v.add("nextKey", "Changed", nextKey(), "must differ from previousKey");
    }
    if (reason().isPresent()) {
      v.text("reason", reason().get());
    }
    v.throwIfAny();
  }

  private static NoteVerifier verifierKey(Violations v, String path, String vkey) {
    try {
      return NoteVerifier.parse(vkey);
    } catch (RuntimeException e) {
      v.add(path, "VerifierKey", vkey, "must be a C2SP note verifier key: " + e.getMessage());
      return null;
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link KeyRotation}. */
  public static final class Builder extends ImmutableKeyRotation.Builder {}

  private static final byte[] NEXT_KEY = JsonBytes.ascii("{\"nextKey\":");
  private static final byte[] PREVIOUS_KEY = JsonBytes.ascii(",\"previousKey\":");
  private static final byte[] REASON = JsonBytes.ascii(",\"reason\":");

  void writeBody(JsonBytes out) {
    out.raw(NEXT_KEY).string(nextKey());
    out.raw(PREVIOUS_KEY).string(previousKey());
    if (reason().isPresent()) {
      out.raw(REASON).string(reason().get());
    }
    out.raw('}');
  }

  static KeyRotation fromLeaf(LeafTree body, LeafTree.Common common) {
    return builder()
        .system(common.system())
        .occurredAt(common.occurredAt())
        .controls(common.controls())
        .refs(common.refs())
        .nextKey(body.string("nextKey"))
        .previousKey(body.string("previousKey"))
        .reason(body.optionalString("reason"))
        .build();
  }
}
