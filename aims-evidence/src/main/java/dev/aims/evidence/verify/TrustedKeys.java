package dev.aims.evidence.verify;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.record.KeyRotation;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.RecordType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The verifier keys a verification trusts as it streams a log: the keys it was given and, when it
 * follows key rotations, the next key of each {@code key-rotation} record whose previous key is
 * trusted, from the moment a checkpoint that a trusted key signed (with the right root) covers the
 * record. Shared by the verifiers of every store, so that they learn keys by one rule.
 *
 * <p>Not thread-safe: one verification's state.
 */
public final class TrustedKeys {
  private static final byte[] KEY_ROTATION_TYPE =
      ("\"type\":\"" + RecordType.KEY_ROTATION.id() + "\"").getBytes(StandardCharsets.UTF_8);

  private final List<NoteVerifier> keys;
  private final boolean followRotations;
  private final List<Rotation> pending = new ArrayList<>();

  /** Starts with {@code given}; learns rotated keys only when {@code followRotations}. */
  public TrustedKeys(List<NoteVerifier> given, boolean followRotations) {
    this.keys = new ArrayList<>(given);
    this.followRotations = followRotations;
  }

  /** The keys trusted so far (a live, unmodifiable view). */
  public List<NoteVerifier> keys() {
    return Collections.unmodifiableList(keys);
  }

  /** The keys trusted so far, as C2SP vkeys. */
  public List<String> vkeys() {
    return keys.stream().map(NoteVerifier::vkey).toList();
  }

  /**
   * Returns the checkpoint that {@code note} carries if one of the trusted keys signed it.
   *
   * @throws NoteException the first key's refusal, when none of them verifies it
   */
  public Checkpoint verify(String note) throws NoteException {
    NoteException failure = null;
    for (NoteVerifier key : keys) {
      try {
        return key.verifyCheckpoint(note);
      } catch (NoteException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
    throw failure;
  }

  /** How a refusal names the keys tried: "the key: " or "any of the N keys: ". */
  public String tried() {
    return keys.size() == 1 ? "the key: " : "any of the " + keys.size() + " keys: ";
  }

  /**
   * Notes the next key of the entry at {@code index} ({@code len} bytes of {@code buf} from {@code
   * off}) if it is a key rotation record whose previous key is trusted; it is trusted once {@link
   * #trustBelow} passes the entry. Does nothing unless rotations are followed.
   */
  public void learn(long index, byte[] buf, int off, int len) {
    if (!followRotations || !contains(buf, off, len, KEY_ROTATION_TYPE)) {
      return;
    }
    try {
      LoggedRecord r = Envelope.decode(index, Arrays.copyOfRange(buf, off, off + len));
      if (r.type() == RecordType.KEY_ROTATION) {
        KeyRotation k = (KeyRotation) r.record();
        if (keys.contains(NoteVerifier.parse(k.previousKey()))) {
          pending.add(new Rotation(index, NoteVerifier.parse(k.nextKey())));
        }
      }
    } catch (RuntimeException e) {
      // Not a well-formed rotation record: it teaches no key, and the log's other checks
      // (canonical form, hashes, signatures) judge the entry itself.
    }
  }

  /** Trusts the next keys of rotation records below {@code size}, a checkpoint that held. */
  public void trustBelow(long size) {
    pending.removeIf(
        r -> {
          if (r.index < size) {
            if (!keys.contains(r.next)) {
              keys.add(r.next);
            }
            return true;
          }
          return false;
        });
  }

  private static boolean contains(byte[] hay, int off, int len, byte[] needle) {
    int end = off + len;
    outer:
    for (int i = off; i + needle.length <= end; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private record Rotation(long index, NoteVerifier next) {}
}
