package dev.aims.timestamp;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A checkpoint that {@link TimestampingListener} did not get timestamped, and why. The log itself
 * is unaffected: a timestamp is extra evidence, never a condition for appending.
 *
 * @param kind what went wrong
 * @param size the checkpoint's size, when the note could be read
 * @param message what happened, naming the TSA or file
 * @param cause the exception behind it, if any
 */
public record TimestampFailure(
    Kind kind, OptionalLong size, String message, Optional<Exception> cause) {

  /** Checks that no component is null. */
  public TimestampFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(cause, "cause");
  }

  /** What went wrong with a checkpoint's timestamp. */
  public enum Kind {
    /** The listener was given something that is not a signed checkpoint. */
    NOT_A_CHECKPOINT,
    /**
     * The request waited in a full queue and a newer checkpoint pushed it out, or the listener was
     * closed before it was sent.
     */
    DROPPED,
    /** The TSA was unreachable, refused, or answered with something else (see the cause). */
    REQUEST_FAILED,
    /** The token came back but could not be written beside the log. */
    STORE_FAILED
  }
}
