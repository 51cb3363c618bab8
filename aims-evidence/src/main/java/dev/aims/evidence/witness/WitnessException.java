package dev.aims.evidence.witness;

import java.util.OptionalLong;

/**
 * A witness did not cosign a checkpoint; {@link #kind()} says why, so that a log can tell "retry
 * from the witness's size" from "the witness saw something else" from "the witness is down". The
 * message names the witness and, where the witness gave one, its reason.
 */
public final class WitnessException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a witness did not cosign. */
  public enum Kind {
    /**
     * 409 Conflict: the old size was not the witness's; {@link #witnessSize()} is the size of the
     * latest checkpoint it cosigned for the log.
     */
    CONFLICT,
    /** 404 Not Found: the witness does not know the log's origin. */
    UNKNOWN_LOG,
    /**
     * 400, 403 or another 4xx: the witness refused the request (malformed, no trusted log
     * signature, too large).
     */
    REFUSED,
    /**
     * 422 Unprocessable Entity: the checkpoint does not extend the one the witness cosigned: a
     * fork, a consistency proof that does not verify, or a bad empty root.
     */
    INCONSISTENT,
    /** The witness could not be reached, timed out or answered with a 5xx status. */
    UNAVAILABLE,
    /**
     * The witness answered 200 but not with a valid cosignature by its key over the checkpoint, or
     * a 409 without a size.
     */
    INVALID_RESPONSE
  }

  private final Kind kind;
  private final int status;
  private final long witnessSize;

  WitnessException(Kind kind, int status, long witnessSize, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.witnessSize = witnessSize;
  }

  /** Returns why the witness did not cosign. */
  public Kind kind() {
    return kind;
  }

  /** Returns the HTTP status the witness answered with, or 0 if it gave none. */
  public int status() {
    return status;
  }

  /** For {@link Kind#CONFLICT}: the size of the latest checkpoint the witness cosigned. */
  public OptionalLong witnessSize() {
    return kind == Kind.CONFLICT ? OptionalLong.of(witnessSize) : OptionalLong.empty();
  }
}
