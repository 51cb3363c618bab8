package dev.aims.timestamp;

/**
 * The checks a stored timestamp token must pass, in the order {@link TimestampVerifier} and {@link
 * Timestamps#verifyLog} make them; a refusal names the first that failed.
 */
public enum TimestampCheck {
  /** The token file can be read and is named {@code <size>.tsr}. */
  FILE,
  /** The log has a checkpoint of the token's size. */
  CHECKPOINT,
  /** The bytes are a DER RFC 3161 TimeStampToken (a CMS SignedData with a TSTInfo). */
  TOKEN_FORMAT,
  /** The message imprint is SHA-256 over the checkpoint's text. */
  IMPRINT,
  /** The token's signer is the given TSA certificate, or a certificate the given one issued. */
  SIGNER_CERTIFICATE,
  /** The signer certificate has the critical extended key usage timeStamping, and only it. */
  EXTENDED_KEY_USAGE,
  /** The signer certificate (and the given issuer) were valid at the token's time. */
  CERTIFICATE_VALIDITY,
  /** The CMS signature verifies with the signer certificate's key and names that certificate. */
  SIGNATURE
}
