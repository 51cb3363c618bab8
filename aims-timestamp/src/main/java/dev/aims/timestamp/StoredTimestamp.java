package dev.aims.timestamp;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of checking one stored token ({@code timestamps/<size>.tsr}) of a log: its time and
 * TSA when it holds, else the check that failed and why.
 *
 * @param file the token's path relative to the log directory, with {@code /} separators
 * @param size the checkpoint size its name gives; empty when the name is not {@code <size>.tsr}
 * @param timestamp what the token says, when every check passed
 * @param failedCheck the check that failed, when one did
 * @param problem what is wrong, when a check failed
 */
public record StoredTimestamp(
    String file,
    OptionalLong size,
    Optional<VerifiedTimestamp> timestamp,
    Optional<TimestampCheck> failedCheck,
    Optional<String> problem) {

  /** Checks that exactly one of a timestamp and a failed check with its problem is present. */
  public StoredTimestamp {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(failedCheck, "failedCheck");
    Objects.requireNonNull(problem, "problem");
    if (timestamp.isPresent() == failedCheck.isPresent()
        || failedCheck.isPresent() != problem.isPresent()) {
      throw new IllegalArgumentException(
          "a stored timestamp has either a timestamp or a failed check with its problem");
    }
  }

  static StoredTimestamp ok(String file, long size, VerifiedTimestamp timestamp) {
    return new StoredTimestamp(
        file, OptionalLong.of(size), Optional.of(timestamp), Optional.empty(), Optional.empty());
  }

  static StoredTimestamp failed(String file, OptionalLong size, TimestampCheck check, String why) {
    return new StoredTimestamp(file, size, Optional.empty(), Optional.of(check), Optional.of(why));
  }

  /** Returns whether the token passed every check. */
  public boolean ok() {
    return timestamp.isPresent();
  }

  /**
   * Returns one line for a person: {@code checkpoint 5023 timestamped 2026-12-06T13:58:02Z by
   * CN=Example TSA} when it holds, else {@code timestamp timestamps/5023.tsr: IMPRINT: ...}.
   */
  public String summary() {
    if (ok()) {
      VerifiedTimestamp t = timestamp.get();
      return "checkpoint "
          + size.getAsLong()
          + " timestamped "
          + t.genTime()
          + " by "
          + t.tsaName();
    }
    return "timestamp " + file + ": " + failedCheck.get() + ": " + problem.get();
  }
}
