package dev.aims.evidence.verify;

import java.util.List;
import java.util.Objects;

/**
 * The latest checkpoint of a verified log that enough witnesses cosigned, as {@link LogVerifier}
 * reports it under a witness policy ({@link LogVerifier.Builder#witnesses}).
 *
 * @param size the checkpoint's size: the entries below it are witnessed
 * @param file the file that holds the cosigned note, relative to the log directory
 * @param witnesses the names of the trusted witnesses that validly cosigned it, in the note's order
 * @param quorum how many cosignatures the policy asked for
 * @param unwitnessed how many of the log's entries lie above the checkpoint: not witnessed yet,
 *     which the policy does not count as a failure
 */
public record Witnessed(
    long size, String file, List<String> witnesses, int quorum, long unwitnessed) {

  /** Creates the record; the list is copied. */
  public Witnessed {
    Objects.requireNonNull(file, "file");
    witnesses = List.copyOf(witnesses);
  }

  /**
   * Returns the line {@code aims verify} prints, without a line end: {@code witnessed: checkpoint
   * 5023 cosigned by w1.example, w2.example (quorum 2)}, followed by {@code ; 12 later entries not
   * witnessed yet} when entries lie above it.
   */
  public String summary() {
    String line =
        "witnessed: checkpoint "
            + size
            + " cosigned by "
            + String.join(", ", witnesses)
            + " (quorum "
            + quorum
            + ")";
    if (unwitnessed <= 0) {
      return line;
    }
    return line
        + "; "
        + unwitnessed
        + (unwitnessed == 1 ? " later entry" : " later entries")
        + " not witnessed yet";
  }
}
