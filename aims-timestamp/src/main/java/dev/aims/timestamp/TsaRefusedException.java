package dev.aims.timestamp;

import java.util.List;
import java.util.Optional;

/**
 * The time-stamping authority refused the request: its PKIStatus was neither {@code granted} nor
 * {@code grantedWithMods}. Carries the status, the authority's status text and the failure-info
 * bits it named (RFC 3161 section 2.4.2).
 */
public final class TsaRefusedException extends TimestampException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String statusText;
  private final List<String> failureInfo;

  TsaRefusedException(String message, int status, String statusText, List<String> failureInfo) {
    super(message, null);
    this.status = status;
    this.statusText = statusText;
    this.failureInfo = List.copyOf(failureInfo);
  }

  /** Returns the PKIStatus number: 2 rejection, 3 waiting, 4 revocationWarning, 5 revocation. */
  public int status() {
    return status;
  }

  /** Returns the authority's free text about the status, if it sent any. */
  public Optional<String> statusText() {
    return Optional.ofNullable(statusText);
  }

  /** Returns the names of the PKIFailureInfo bits set, such as {@code badAlg}; may be empty. */
  public List<String> failureInfo() {
    return failureInfo;
  }
}
