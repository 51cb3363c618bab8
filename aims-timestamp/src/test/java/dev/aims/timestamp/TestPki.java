package dev.aims.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-made certificate authority and the certificate of a time-stamping authority it issued,
 * generated in the test (EC P-256 keys), valid from {@link #NOT_BEFORE} to {@link #NOT_AFTER}.
 */
public final class TestPki {
  /** The start of every test certificate's validity. */
  public static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");

  /** The end of every test certificate's validity. */
  public static final Instant NOT_AFTER = Instant.parse("2036-01-01T00:00:00Z");

  /** The extended key usage the TSA certificate gets. */
  public enum Usage {
    /** id-kp-timeStamping alone, critical, as RFC 3161 requires. */
    TIME_STAMPING,
    /** id-kp-timeStamping, not critical. */
    TIME_STAMPING_NOT_CRITICAL,
    /** No extended key usage extension. */
    NONE
  }

  /** The CA's key pair. */
  public final KeyPair caKey;

  /** The CA's self-signed certificate. */
  public final X509Certificate ca;

  /** The TSA's key pair. */
  public final KeyPair tsaKey;

  /** The TSA's certificate, issued by the CA, with the usage asked for: what tokens carry. */
  public final X509Certificate tsa;

  /**
   * The certificate the token generator is given: {@link #tsa} itself, or, when that lacks the
   * proper usage (BouncyCastle's generator refuses such a certificate), a twin with the same
   * issuer, serial, subject and key that has it; tokens name the serial both share.
   */
  final X509Certificate signingTsa;

  private TestPki(
      KeyPair caKey,
      X509Certificate ca,
      KeyPair tsaKey,
      X509Certificate tsa,
      X509Certificate signingTsa) {
    this.caKey = caKey;
    this.ca = ca;
    this.tsaKey = tsaKey;
    this.tsa = tsa;
    this.signingTsa = signingTsa;
  }

  /**
   * Returns a CA {@code CN=Test CA,O=org} and a TSA {@code CN=Test TSA,O=org} with {@code usage}.
   */
  public static TestPki create(String org, Usage usage) {
    try {
      KeyPair caKey = keyPair();
      X500Name caName = name("CN=Test CA,O=" + org);
      X509v3CertificateBuilder cab =
          builder(caName, BigInteger.ONE, caName, caKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate ca = sign(cab, caKey);
      KeyPair tsaKey = keyPair();
      X509Certificate tsa = tsaCertificate(caName, org, tsaKey, caKey, usage);
      X509Certificate signing =
          usage == Usage.TIME_STAMPING
              ? tsa
              : tsaCertificate(caName, org, tsaKey, caKey, Usage.TIME_STAMPING);
      return new TestPki(caKey, ca, tsaKey, tsa, signing);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot make the test certificates", e);
    }
  }

  private static X509Certificate tsaCertificate(
      X500Name caName, String org, KeyPair tsaKey, KeyPair caKey, Usage usage)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    X509v3CertificateBuilder tb =
        builder(caName, BigInteger.TWO, name("CN=Test TSA,O=" + org), tsaKey)
            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    if (usage != Usage.NONE) {
      tb.addExtension(
          Extension.extendedKeyUsage,
          usage == Usage.TIME_STAMPING,
          new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    }
    return sign(tb, caKey);
  }

  /** The name as RFC 2253 writes it (most significant part last). */
  private static X500Name name(String rfc2253) {
    return X500Name.getInstance(new X500Principal(rfc2253).getEncoded());
  }

  /** Writes {@code cert} as PEM to {@code file}. */
  public static Path writePem(X509Certificate cert, Path file) throws IOException {
    try {
      String b64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(cert.getEncoded());
      Files.writeString(
          file, "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n");
      return file;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JcaX509v3CertificateBuilder builder(
      X500Name issuer, BigInteger serial, X500Name subject, KeyPair key) {
    return new JcaX509v3CertificateBuilder(
        issuer, serial, Date.from(NOT_BEFORE), Date.from(NOT_AFTER), subject, key.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }
}
