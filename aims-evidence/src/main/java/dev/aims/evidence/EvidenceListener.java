package dev.aims.evidence;

/**
 * Receives what the evidence log does in the background: every signed checkpoint (to export to an
 * auditor, a witness or WORM storage) and every failure to store evidence.
 *
 * <p>Called on the log's writer thread (or the appending thread for failures that happen there):
 * implementations must be thread-safe and quick, and should not block. An exception thrown by a
 * listener is logged to SLF4J and otherwise ignored; it never stops the log.
 */
public interface EvidenceListener {

  /**
   * Called after a checkpoint was signed and made durable.
   *
   * @param signedNote the checkpoint as a C2SP signed note
   */
  default void onCheckpoint(String signedNote) {}

  /**
   * Called when evidence could not be stored, with the bytes of every record concerned, so that
   * nothing is lost silently.
   */
  default void onFailure(EvidenceFailure failure) {}

  /** Returns a listener that does nothing (failures still go to SLF4J). */
  static EvidenceListener none() {
    return NoListener.INSTANCE;
  }
}
