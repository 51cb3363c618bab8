package dev.aims.timestamp;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * What a token that passed every check says: when the time-stamping authority saw the checkpoint,
 * and who it is.
 *
 * @param genTime the token's time (TSTInfo genTime), as the TSA's clock gave it
 * @param tsaName the subject of the certificate that signed the token, in RFC 2253 form (such as
 *     {@code CN=Example TSA,O=Example}); that name was verified, unlike the token's optional {@code
 *     tsa} field, which is not used
 * @param serialNumber the token's serial number, unique per TSA
 * @param policy the TSA policy the token was issued under, as an object identifier
 */
public record VerifiedTimestamp(
    Instant genTime, String tsaName, BigInteger serialNumber, String policy) {

  /** Checks that no component is null. */
  public VerifiedTimestamp {
    Objects.requireNonNull(genTime, "genTime");
    Objects.requireNonNull(tsaName, "tsaName");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(policy, "policy");
  }
}
