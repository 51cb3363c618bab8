package dev.aims.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Asks an RFC 3161 time-stamping authority (TSA) for a token over a checkpoint, over HTTP as RFC
 * 3161 section 3.4 describes ({@code POST} of an {@code application/timestamp-query}).
 *
 * <p>The request carries SHA-256 over the checkpoint's text as its message imprint, a fresh random
 * 64-bit nonce, and {@code certReq} so that the token carries the TSA's certificate. The response
 * must be granted and echo the nonce and imprint. The token is returned as it came, DER-encoded; it
 * is not checked against any certificate here (that is {@link TimestampVerifier}'s job, offline).
 *
 * <pre>{@code
 * TimestampClient tsa = TimestampClient.builder().url(URI.create("https://tsa.example/")).build();
 * byte[] token = tsa.timestamp(Timestamps.checkpointText(signedNote));
 * }</pre>
 *
 * <p>Thread-safe; one client may serve many requests.
 */
public final class TimestampClient {
  /** The request and response media types of RFC 3161 section 3.4. */
  static final String QUERY_TYPE = "application/timestamp-query";

  static final String REPLY_TYPE = "application/timestamp-reply";

  /** Responses larger than this are refused unread: a real token is a few kilobytes. */
  static final int MAX_RESPONSE_BYTES = 1 << 20;

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;
  private final String policy;
  private final SecureRandom random = new SecureRandom();

  private TimestampClient(Builder b) {
    this.url = b.url;
    this.timeout = b.timeout;
    this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(b.timeout).build();
    this.policy = b.policy;
  }

  /** Returns a builder; the URL is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the TSA's URL. */
  public URI url() {
    return url;
  }

  /**
   * Requests a token over {@code checkpointText}, the checkpoint's text without signature lines
   * (see {@link Timestamps#checkpointText}), and returns its DER bytes.
   *
   * @throws TsaUnreachableException if the TSA does not answer, times out, or answers with an HTTP
   *     status other than 200
   * @throws TsaRefusedException if the TSA refuses, with its status and failure info
   * @throws TsaResponseException if the answer is not a granted response to this request
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  public byte[] timestamp(String checkpointText) throws TimestampException, InterruptedException {
    Objects.requireNonNull(checkpointText, "checkpointText");
    byte[] imprint = Timestamps.imprint(checkpointText);
    TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
    gen.setCertReq(true);
    if (policy != null) {
      gen.setReqPolicy(new ASN1ObjectIdentifier(policy));
    }
    BigInteger nonce = new BigInteger(64, random);
    TimeStampRequest request = gen.generate(TSPAlgorithms.SHA256, imprint, nonce);
    byte[] body = post(encode(request));
    return check(request, body);
  }

  private static byte[] encode(TimeStampRequest request) {
    try {
      return request.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a timestamp request", e);
    }
  }

  private byte[] post(byte[] query) throws TsaUnreachableException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", QUERY_TYPE)
            .header("Accept", REPLY_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(query))
            .build();
    HttpResponse<byte[]> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new TsaUnreachableException(
          "time-stamping authority " + url + " did not answer within " + timeout, e);
    } catch (IOException e) {
      throw new TsaUnreachableException(
          "time-stamping authority " + url + " is unreachable: " + describe(e), e);
    }
    if (resp.statusCode() != 200) {
      throw new TsaUnreachableException(
          "time-stamping authority " + url + " answered HTTP " + resp.statusCode(), null);
    }
    byte[] body = resp.body();
    if (body.length > MAX_RESPONSE_BYTES) {
      throw new TsaUnreachableException(
          "time-stamping authority "
              + url
              + " answered "
              + body.length
              + " bytes, more than the "
              + MAX_RESPONSE_BYTES
              + " a timestamp response may have",
          null);
    }
    return body;
  }

  private byte[] check(TimeStampRequest request, byte[] body)
      throws TsaRefusedException, TsaResponseException {
    TimeStampResponse resp;
    try {
      resp = new TimeStampResponse(body);
    } catch (TSPException | IOException | RuntimeException e) {
      throw new TsaResponseException(
          "time-stamping authority "
              + url
              + " answered "
              + body.length
              + " bytes that are not a timestamp response: "
              + describe(e),
          e);
    }
    int status = resp.getStatus();
    if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
      List<String> failures = failureNames(resp.getFailInfo());
      String text = resp.getStatusString();
      throw new TsaRefusedException(
          "time-stamping authority "
              + url
              + " refused the request: status "
              + status
              + " ("
              + statusName(status)
              + ")"
              + (text != null ? ", \"" + text + "\"" : "")
              + (failures.isEmpty() ? "" : ", failure info " + String.join(", ", failures)),
          status,
          text,
          failures);
    }
    TimeStampToken token = resp.getTimeStampToken();
    if (token == null) {
      throw mismatch("status granted but no token");
    }
    BigInteger nonce = token.getTimeStampInfo().getNonce();
    if (!request.getNonce().equals(nonce)) {
      throw mismatch(
          "nonce "
              + (nonce == null ? "missing" : nonce.toString(16))
              + ", request's "
              + request.getNonce().toString(16));
    }
    if (!TSPAlgorithms.SHA256.equals(token.getTimeStampInfo().getMessageImprintAlgOID())) {
      throw mismatch(
          "message imprint algorithm "
              + token.getTimeStampInfo().getMessageImprintAlgOID()
              + ", request's SHA-256 ("
              + TSPAlgorithms.SHA256
              + ")");
    }
    byte[] imprint = token.getTimeStampInfo().getMessageImprintDigest();
    if (!Arrays.equals(imprint, request.getMessageImprintDigest())) {
      throw mismatch(
          "message imprint "
              + HexFormat.of().formatHex(imprint)
              + ", request's "
              + HexFormat.of().formatHex(request.getMessageImprintDigest()));
    }
    try {
      return token.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new TsaResponseException(
          "time-stamping authority " + url + " sent a token that cannot be DER-encoded", e);
    }
  }

  private TsaResponseException mismatch(String what) {
    return new TsaResponseException(
        "time-stamping authority " + url + " answered a different request: " + what, null);
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
  }

  /** The PKIStatus names of RFC 3161 section 2.4.2. */
  static String statusName(int status) {
    switch (status) {
      case PKIStatus.GRANTED:
        return "granted";
      case PKIStatus.GRANTED_WITH_MODS:
        return "grantedWithMods";
      case PKIStatus.REJECTION:
        return "rejection";
      case PKIStatus.WAITING:
        return "waiting";
      case PKIStatus.REVOCATION_WARNING:
        return "revocationWarning";
      case PKIStatus.REVOCATION_NOTIFICATION:
        return "revocationNotification";
      default:
        return "unknown";
    }
  }

  private static List<String> failureNames(PKIFailureInfo info) {
    List<String> out = new ArrayList<>();
    if (info == null) {
      return out;
    }
    int bits = info.intValue();
    String[] names = {
      "badAlg",
      "badRequest",
      "badDataFormat",
      "timeNotAvailable",
      "unacceptedPolicy",
      "unacceptedExtension",
      "addInfoNotAvailable",
      "systemFailure"
    };
    int[] masks = {
      PKIFailureInfo.badAlg,
      PKIFailureInfo.badRequest,
      PKIFailureInfo.badDataFormat,
      PKIFailureInfo.timeNotAvailable,
      PKIFailureInfo.unacceptedPolicy,
      PKIFailureInfo.unacceptedExtension,
      PKIFailureInfo.addInfoNotAvailable,
      PKIFailureInfo.systemFailure
    };
    for (int i = 0; i < names.length; i++) {
      if ((bits & masks[i]) != 0) {
        out.add(names[i]);
      }
    }
    return out;
  }

  /** Builds a {@link TimestampClient}. Not thread-safe. */
  public static final class Builder {
    private URI url;
    private Duration timeout = Duration.ofSeconds(30);
    private HttpClient http;
    private String policy;

    private Builder() {}

    /** Sets the TSA's URL (http or https); required. */
    public Builder url(URI url) {
      Objects.requireNonNull(url, "url");
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException(
            "time-stamping authority url must be http or https, was \"" + url + "\"");
      }
      this.url = url;
      return this;
    }

    /** Sets how long to wait to connect and for the whole answer (default 30 seconds). */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the HTTP client (for a proxy or TLS settings); by default one with the timeout as its
     * connect timeout.
     */
    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /** Asks for tokens under this TSA policy (an object identifier); by default the TSA's own. */
    public Builder policy(String oid) {
      Objects.requireNonNull(oid, "oid");
      if (!oid.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
        throw new IllegalArgumentException(
            "policy must be an object identifier, was \"" + oid + "\"");
      }
      this.policy = oid;
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if no URL was set
     */
    public TimestampClient build() {
      if (url == null) {
        throw new IllegalStateException("timestamp client: url was not set");
      }
      return new TimestampClient(this);
    }
  }
}
