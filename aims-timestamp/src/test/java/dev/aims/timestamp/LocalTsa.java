package dev.aims.timestamp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A time-stamping authority for tests, built with BouncyCastle's TimeStampResponseGenerator and
 * served over HTTP on 127.0.0.1 by the JDK's HTTP server. It signs with a {@link TestPki}'s TSA
 * key, at {@link #genTime} (by default {@link #GEN_TIME}), and can be told to answer wrongly
 * ({@link #answer}) or to hold requests until released ({@link #hold}).
 */
public final class LocalTsa implements AutoCloseable {
  /** The time in every token unless set otherwise. */
  public static final Instant GEN_TIME = Instant.parse("2026-12-06T13:58:02Z");

  /** The TSA policy of its tokens. */
  public static final String POLICY = "1.3.6.1.4.1.99999.1";

  /** How the TSA answers a request. */
  public enum Answer {
    /** A granted token over the request's imprint and nonce. */
    GRANT,
    /** Status rejection with failure info badAlg and a status text. */
    REJECT,
    /** HTTP 500 with no body. */
    HTTP_500,
    /** A granted token with a nonce other than the request's. */
    WRONG_NONCE,
    /** A granted token over another imprint. */
    WRONG_IMPRINT,
    /** Bytes that are not a TimeStampResp. */
    GARBAGE
  }

  private final TestPki pki;
  private final HttpServer server;
  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicReference<byte[]> lastRequest = new AtomicReference<>();
  private final AtomicReference<String> lastContentType = new AtomicReference<>();
  private final Semaphore arrived = new Semaphore(0);
  private volatile Answer answer = Answer.GRANT;
  private volatile Instant genTime = GEN_TIME;
  private volatile CountDownLatch gate;

  private LocalTsa(TestPki pki) throws IOException {
    this.pki = pki;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/tsa", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** Starts a TSA that signs with {@code pki}'s TSA key. */
  public static LocalTsa start(TestPki pki) throws IOException {
    return new LocalTsa(pki);
  }

  /** Returns the TSA's URL. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  /** Returns the certificates. */
  public TestPki pki() {
    return pki;
  }

  /** Sets how the TSA answers from now on. */
  public void answer(Answer a) {
    this.answer = a;
  }

  /** Sets the time of the tokens issued from now on. */
  public void genTime(Instant t) {
    this.genTime = t;
  }

  /** Holds every request until the returned latch is counted down (or the TSA closes). */
  public CountDownLatch hold() {
    CountDownLatch g = new CountDownLatch(1);
    gate = g;
    return g;
  }

  /** Waits until a request has arrived (and is held, if held); false after 30 seconds. */
  public boolean awaitRequest() throws InterruptedException {
    return arrived.tryAcquire(30, TimeUnit.SECONDS);
  }

  /** Returns how many requests arrived. */
  public int requests() {
    return requests.get();
  }

  /** Returns the last request's DER bytes. */
  public byte[] lastRequest() {
    return lastRequest.get();
  }

  /** Returns the last request's Content-Type header. */
  public String lastContentType() {
    return lastContentType.get();
  }

  /**
   * Issues a token over {@code checkpointText} without HTTP, as the TSA would for a request with
   * {@code certReq}: the token's DER bytes.
   */
  public byte[] issue(String checkpointText, boolean certReq) {
    try {
      TimeStampRequestGenerator g = new TimeStampRequestGenerator();
      g.setCertReq(certReq);
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(checkpointText.getBytes(StandardCharsets.UTF_8));
      TimeStampRequest req = g.generate(TSPAlgorithms.SHA256, digest, new BigInteger(64, random));
      return granted(req, req.getNonce()).getTimeStampToken().getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue a test token", e);
    }
  }

  /** Issues a token with the TSA's certificate in it. */
  public byte[] issue(String checkpointText) {
    return issue(checkpointText, true);
  }

  private TimeStampResponse granted(TimeStampRequest req, BigInteger nonce) throws Exception {
    TimeStampTokenGenerator tg =
        new TimeStampTokenGenerator(
            new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withECDSA", pki.tsaKey.getPrivate(), pki.signingTsa),
            new JcaDigestCalculatorProviderBuilder()
                .build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
            new ASN1ObjectIdentifier(POLICY));
    tg.addCertificates(new JcaCertStore(List.of(pki.tsa)));
    TimeStampRequest asked = req;
    if (nonce != null && !nonce.equals(req.getNonce())) {
      TimeStampRequestGenerator g = new TimeStampRequestGenerator();
      g.setCertReq(req.getCertReq());
      asked = g.generate(req.getMessageImprintAlgOID(), req.getMessageImprintDigest(), nonce);
    }
    return new TimeStampResponseGenerator(tg, TSPAlgorithms.ALLOWED)
        .generateGrantedResponse(
            asked, BigInteger.valueOf(requests.get() + 1000L), Date.from(genTime));
  }

  private byte[] respond(byte[] body) throws Exception {
    TimeStampRequest req = new TimeStampRequest(body);
    switch (answer) {
      case REJECT:
        return new TimeStampResponseGenerator(null, TSPAlgorithms.ALLOWED)
            .generateFailResponse(
                PKIStatus.REJECTION, PKIFailureInfo.badAlg, "algorithm not supported here")
            .getEncoded();
      case WRONG_NONCE:
        return granted(req, req.getNonce().add(BigInteger.ONE)).getEncoded();
      case WRONG_IMPRINT:
        {
          TimeStampRequestGenerator g = new TimeStampRequestGenerator();
          g.setCertReq(true);
          byte[] other = MessageDigest.getInstance("SHA-256").digest(new byte[] {1});
          TimeStampRequest r2 = g.generate(TSPAlgorithms.SHA256, other, req.getNonce());
          return granted(r2, req.getNonce()).getEncoded();
        }
      case GARBAGE:
        return new byte[] {0x30, 0x03, 0x02, 0x01, 0x07};
      default:
        return granted(req, req.getNonce()).getEncoded();
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      requests.incrementAndGet();
      lastRequest.set(body);
      lastContentType.set(ex.getRequestHeaders().getFirst("Content-Type"));
      arrived.release();
      CountDownLatch g = gate;
      if (g != null) {
        try {
          g.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (answer == Answer.HTTP_500) {
        ex.sendResponseHeaders(500, -1);
        return;
      }
      byte[] reply;
      try {
        reply = respond(body);
      } catch (Exception e) {
        ex.sendResponseHeaders(400, -1);
        return;
      }
      ex.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
      ex.sendResponseHeaders(200, reply.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(reply);
      }
    }
  }

  /** Returns a URL on 127.0.0.1 where nothing listens (a TSA that is down). */
  public static URI downUrl() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/tsa");
  }

  @Override
  public void close() {
    CountDownLatch g = gate;
    if (g != null) {
      g.countDown();
    }
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }
}
