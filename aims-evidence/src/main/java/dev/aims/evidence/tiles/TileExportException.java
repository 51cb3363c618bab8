package dev.aims.evidence.tiles;

import dev.aims.evidence.verify.VerificationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A {@link TileExport} was refused or did not match the log: names the {@link Failure}, the log and
 * tile directories, and what the caller needs to explain it (the keys that signed the log's latest
 * checkpoint, the log's verification, the untrusted keys that signed its checkpoints).
 *
 * <p>Except for {@link Failure#ENTRY} and {@link Failure#ROOT_MISMATCH}, nothing was written to the
 * tile directory.
 */
public final class TileExportException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What made the export fail. */
  public enum Failure {
    /** The tile directory exists and is not empty. */
    TILES_NOT_EMPTY(true),
    /** The log directory is not an evidence log directory. */
    NOT_A_LOG(true),
    /** The signer key did not sign the log's latest checkpoint ({@link #latestSigners()}). */
    WRONG_KEY(true),
    /** The log does not verify with the trusted keys ({@link #verification()}). */
    LOG_DOES_NOT_VERIFY(false),
    /** The log has entries but no signed checkpoint that covers any of them. */
    NOTHING_COVERED(false),
    /** The log's latest checkpoint does not verify with the signer's verifier key. */
    LATEST_CHECKPOINT(false),
    /** The log's latest checkpoint changed while the log was verified. */
    CHANGED(false),
    /** An entry cannot be written as a tile log entry (too large). */
    ENTRY(false),
    /** The exported tree differs from the log's latest signed checkpoint. */
    ROOT_MISMATCH(false);

    private final boolean unusableInput;

    Failure(boolean unusableInput) {
      this.unusableInput = unusableInput;
    }

    /**
     * Returns whether the caller's input is unusable (a wrong key or directory) rather than the log
     * being bad or changing.
     */
    public boolean unusableInput() {
      return unusableInput;
    }
  }

  private final Failure failure;
  private final transient Path log;
  private final transient Path tiles;
  private final String keyName;
  private final List<String> latestSigners;
  private final transient VerificationResult verification;
  private final List<String> untrustedSigners;

  TileExportException(
      Failure failure,
      Path log,
      Path tiles,
      String keyName,
      List<String> latestSigners,
      VerificationResult verification,
      List<String> untrustedSigners,
      String message) {
    super(message);
    this.failure = failure;
    this.log = log;
    this.tiles = tiles;
    this.keyName = keyName;
    this.latestSigners = List.copyOf(latestSigners);
    this.verification = verification;
    this.untrustedSigners = List.copyOf(untrustedSigners);
  }

  TileExportException(Failure failure, TileExport export, String message) {
    this(
        failure,
        export.log(),
        export.tiles(),
        export.keyName(),
        List.of(),
        null,
        List.of(),
        message);
  }

  /** What made the export fail. */
  public Failure failure() {
    return failure;
  }

  /** The evidence log directory that was exported. */
  public Path log() {
    return log;
  }

  /** The tile directory the export was to write. */
  public Path tiles() {
    return tiles;
  }

  /** The signer key's name ({@code name+hex8 id}). */
  public String keyName() {
    return keyName;
  }

  /**
   * The keys ({@code name+hex8 id}) that signed the log's latest checkpoint; set for {@link
   * Failure#WRONG_KEY}, otherwise empty.
   */
  public List<String> latestSigners() {
    return latestSigners;
  }

  /** The log's verification; present for {@link Failure#LOG_DOES_NOT_VERIFY}. */
  public Optional<VerificationResult> verification() {
    return Optional.ofNullable(verification);
  }

  /**
   * The keys ({@code name+hex8 id}) that signed checkpoints of the log which no trusted key
   * verifies, in the order first seen; set for {@link Failure#LOG_DOES_NOT_VERIFY} when a signature
   * failed, otherwise empty. Such keys are usually ones the log's key was rotated from.
   */
  public List<String> untrustedSigners() {
    return untrustedSigners;
  }
}
