package dev.aims.timestamp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Checks a stored RFC 3161 token offline against a checkpoint's text and the certificate of the
 * time-stamping authority (TSA) that the auditor trusts, and says when the TSA saw the checkpoint.
 *
 * <p>The checks, each named by a {@link TimestampCheck} when it fails: the bytes are a
 * TimeStampToken; its message imprint is SHA-256 over the checkpoint text; its signer certificate
 * is the given certificate, or a certificate issued by the given one whose signature verifies with
 * the given one's key (one level, no longer chains: give the certificate that issued the TSA's);
 * when the token carries no certificate, its signer identifier must name the given certificate; the
 * signer certificate has the extended key usage timeStamping, critical and alone (RFC 3161 section
 * 2.3); the signer certificate, and the given one when it is the issuer, were valid at the token's
 * time; and the CMS signature verifies with the signer's key over a signing-certificate attribute
 * that names that certificate. Revocation is not checked: there is no network at verification.
 *
 * <p>Thread-safe and immutable.
 */
public final class TimestampVerifier {
  /** id-kp-timeStamping, RFC 5280 section 4.2.1.12. */
  static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";

  private final X509Certificate tsa;

  private TimestampVerifier(X509Certificate tsa) {
    this.tsa = tsa;
  }

  /** Returns a verifier that trusts {@code tsa}: the TSA's own certificate or its issuer's. */
  public static TimestampVerifier of(X509Certificate tsa) {
    return new TimestampVerifier(Objects.requireNonNull(tsa, "tsa"));
  }

  /**
   * Reads an X.509 certificate from {@code file}, PEM ({@code -----BEGIN CERTIFICATE-----}) or DER.
   *
   * @throws NoSuchFileException if the file does not exist
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException naming the file when it holds no X.509 certificate
   */
  public static X509Certificate readCertificate(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (CertificateException | ClassCastException e) {
      throw new IllegalArgumentException(
          "TSA certificate file "
              + file
              + " does not hold an X.509 certificate (PEM or DER): "
              + e.getMessage(),
          e);
    }
  }

  /** Returns the certificate this verifier trusts. */
  public X509Certificate certificate() {
    return tsa;
  }

  /**
   * Verifies {@code token} (DER bytes of a TimeStampToken) over {@code checkpointText} (see {@link
   * Timestamps#checkpointText}) and returns its time and signer.
   *
   * @throws TimestampVerificationException naming the first check that failed
   */
  public VerifiedTimestamp verify(byte[] token, String checkpointText)
      throws TimestampVerificationException {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(checkpointText, "checkpointText");
    TimeStampToken t = parse(token);
    TimeStampTokenInfo info = t.getTimeStampInfo();
    checkImprint(info, checkpointText);
    X509Certificate signer = signer(t);
    checkExtendedKeyUsage(signer);
    Date genTime = info.getGenTime();
    checkValidity(signer, genTime);
    if (!signer.equals(tsa)) {
      checkValidity(tsa, genTime);
    }
    try {
      t.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
    } catch (TSPException | OperatorCreationException | RuntimeException e) {
      throw new TimestampVerificationException(
          TimestampCheck.SIGNATURE,
          "token signature does not verify with " + name(signer) + ": " + e.getMessage(),
          e);
    }
    return new VerifiedTimestamp(
        genTime.toInstant(), name(signer), info.getSerialNumber(), info.getPolicy().getId());
  }

  static TimeStampToken parse(byte[] token) throws TimestampVerificationException {
    try {
      return new TimeStampToken(new CMSSignedData(token));
    } catch (CMSException | TSPException | IOException | RuntimeException e) {
      throw new TimestampVerificationException(
          TimestampCheck.TOKEN_FORMAT,
          "not an RFC 3161 timestamp token (" + token.length + " bytes): " + e.getMessage(),
          e);
    }
  }

  private static void checkImprint(TimeStampTokenInfo info, String checkpointText)
      throws TimestampVerificationException {
    if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())) {
      throw new TimestampVerificationException(
          TimestampCheck.IMPRINT,
          "message imprint algorithm is "
              + info.getMessageImprintAlgOID()
              + ", expected SHA-256 ("
              + TSPAlgorithms.SHA256
              + ")");
    }
    byte[] expected = Timestamps.imprint(checkpointText);
    byte[] found = info.getMessageImprintDigest();
    if (!Arrays.equals(expected, found)) {
      throw new TimestampVerificationException(
          TimestampCheck.IMPRINT,
          "message imprint "
              + HexFormat.of().formatHex(found)
              + " is not SHA-256 of the checkpoint text ("
              + HexFormat.of().formatHex(expected)
              + "): the token is for another checkpoint");
    }
  }

  /** Finds the token's signer certificate and checks that the given certificate vouches for it. */
  private X509Certificate signer(TimeStampToken t) throws TimestampVerificationException {
    SignerId sid = t.getSID();
    Collection<X509CertificateHolder> carried = matches(t, sid);
    if (carried.isEmpty()) {
      if (sid.match(holder(tsa))) {
        return tsa;
      }
      throw new TimestampVerificationException(
          TimestampCheck.SIGNER_CERTIFICATE,
          "token carries no signer certificate and its signer ("
              + describe(sid)
              + ") is not the given certificate "
              + name(tsa));
    }
    X509Certificate signer = certificate(carried.iterator().next());
    if (signer.equals(tsa)) {
      return tsa;
    }
    if (!signer.getIssuerX500Principal().equals(tsa.getSubjectX500Principal())) {
      throw new TimestampVerificationException(
          TimestampCheck.SIGNER_CERTIFICATE,
          "token is signed by "
              + name(signer)
              + " (issued by "
              + signer.getIssuerX500Principal().getName(X500Principal.RFC2253)
              + "), which is neither the given certificate "
              + name(tsa)
              + " nor issued by it");
    }
    try {
      signer.verify(tsa.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new TimestampVerificationException(
          TimestampCheck.SIGNER_CERTIFICATE,
          "token's signer certificate "
              + name(signer)
              + " names "
              + name(tsa)
              + " as issuer but its signature does not verify with that certificate's key: "
              + e.getMessage(),
          e);
    }
    return signer;
  }

  /** The token's certificates that {@code sid} names. */
  @SuppressWarnings("unchecked") // SignerId is a raw Selector; it selects certificate holders.
  private static Collection<X509CertificateHolder> matches(TimeStampToken t, SignerId sid) {
    return t.getCertificates().getMatches(sid);
  }

  private static void checkExtendedKeyUsage(X509Certificate signer)
      throws TimestampVerificationException {
    List<String> usages;
    try {
      usages = signer.getExtendedKeyUsage();
    } catch (CertificateException e) {
      throw new TimestampVerificationException(
          TimestampCheck.EXTENDED_KEY_USAGE,
          "certificate " + name(signer) + " has a malformed extended key usage: " + e.getMessage(),
          e);
    }
    if (usages == null || !usages.contains(TIME_STAMPING)) {
      throw new TimestampVerificationException(
          TimestampCheck.EXTENDED_KEY_USAGE,
          "certificate "
              + name(signer)
              + " lacks the extended key usage timeStamping ("
              + TIME_STAMPING
              + "), found "
              + (usages == null ? "none" : usages));
    }
    Set<String> critical = signer.getCriticalExtensionOIDs();
    if (usages.size() != 1 || critical == null || !critical.contains(EXTENDED_KEY_USAGE)) {
      throw new TimestampVerificationException(
          TimestampCheck.EXTENDED_KEY_USAGE,
          "certificate "
              + name(signer)
              + " must have timeStamping as its only extended key usage, marked critical (RFC 3161"
              + " section 2.3), found "
              + usages
              + (critical != null && critical.contains(EXTENDED_KEY_USAGE) ? "" : " not critical"));
    }
  }

  private static void checkValidity(X509Certificate cert, Date at)
      throws TimestampVerificationException {
    try {
      cert.checkValidity(at);
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      throw new TimestampVerificationException(
          TimestampCheck.CERTIFICATE_VALIDITY,
          "certificate "
              + name(cert)
              + " was not valid at the token's time "
              + at.toInstant()
              + " (valid "
              + cert.getNotBefore().toInstant()
              + " to "
              + cert.getNotAfter().toInstant()
              + ")",
          e);
    }
  }

  private static X509CertificateHolder holder(X509Certificate cert)
      throws TimestampVerificationException {
    try {
      return new X509CertificateHolder(cert.getEncoded());
    } catch (CertificateException | IOException e) {
      throw new TimestampVerificationException(
          TimestampCheck.SIGNER_CERTIFICATE,
          "the given certificate cannot be encoded: " + e.getMessage(),
          e);
    }
  }

  private static X509Certificate certificate(X509CertificateHolder holder)
      throws TimestampVerificationException {
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      throw new TimestampVerificationException(
          TimestampCheck.SIGNER_CERTIFICATE,
          "the token's signer certificate cannot be read: " + e.getMessage(),
          e);
    }
  }

  private static String describe(SignerId sid) {
    if (sid.getIssuer() != null) {
      return "issuer " + sid.getIssuer() + ", serial " + sid.getSerialNumber();
    }
    byte[] ski = sid.getSubjectKeyIdentifier();
    return ski == null ? "unnamed" : "subject key identifier " + HexFormat.of().formatHex(ski);
  }

  static String name(X509Certificate cert) {
    return cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }
}
