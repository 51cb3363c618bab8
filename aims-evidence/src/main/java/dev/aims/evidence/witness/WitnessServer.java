package dev.aims.evidence.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A C2SP tlog-witness over HTTP: {@code POST /add-checkpoint} cosigns a log's checkpoint when it is
 * signed by a key the witness trusts for its origin and a consistency proof shows that it extends
 * the latest checkpoint the witness cosigned for that log; {@code GET /<hex SHA-256 of the
 * origin>/checkpoint} returns that latest checkpoint with its cosignature.
 *
 * <p>Status codes follow the spec: 404 for an unknown origin, 403 when no trusted log signature
 * verifies, 400 for a malformed request or an old size above the checkpoint's, 409 (body: the
 * witness's size, content type {@code text/x.tlog.size}) when the old size is not the witness's,
 * 422 for a checkpoint that does not extend the witness's (a fork, a bad proof, a wrong empty
 * root), 413 for a body over the limit. The latest checkpoint of each log is kept durably in the
 * state directory and is written before the cosignature is returned; requests for one log are
 * serialised, so two submissions can never roll the state back.
 *
 * <p>Build with {@link #builder()}; {@link #close()} stops it. Thread-safe.
 */
public final class WitnessServer implements AutoCloseable {
  /** The content type of a 409 Conflict's body, the witness's size. */
  public static final String SIZE_CONTENT_TYPE = "text/x.tlog.size";

  /** The default limit of a request body: a checkpoint with many signatures and a long proof. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 128 * 1024;

  private static final Logger log = LoggerFactory.getLogger(WitnessServer.class);
  private static final Pattern MONITOR_PATH = Pattern.compile("/([0-9a-f]{64})/checkpoint");

  private final WitnessSigner signer;
  private final Map<String, List<NoteVerifier>> logs;
  private final WitnessState state;
  private final int maxRequestBytes;
  private final Clock clock;
  private final HttpServer http;
  private final ExecutorService executor;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  private WitnessServer(Builder b, WitnessState state) throws IOException {
    this.signer = b.signer;
    this.logs = Map.copyOf(b.logs);
    this.state = state;
    this.maxRequestBytes = b.maxRequestBytes;
    this.clock = b.clock;
    this.http = HttpServer.create(new InetSocketAddress(b.address, b.port), 0);
    this.executor = Executors.newFixedThreadPool(b.threads, new Threads());
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the port the witness listens on (the one chosen when the builder asked for 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /**
   * Returns the witness's submission prefix, {@code http://<address>:<port>}: clients post to
   * {@code <prefix>/add-checkpoint}.
   */
  public URI uri() {
    InetSocketAddress a = http.getAddress();
    String host = a.getAddress().getHostAddress();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort());
  }

  /** Returns the witness's public key, which verifies its cosignatures. */
  public WitnessVerifier verifier() {
    return signer.verifier();
  }

  /**
   * Stops listening and closes open connections, then waits for requests being handled to finish
   * (their state writes complete; their answers may be lost).
   */
  @Override
  public void close() {
    http.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** A request that the witness answers with an error status and a message. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    final int status;
    final String contentType;

    Refusal(int status, String message) {
      this(status, message, "text/plain; charset=utf-8");
    }

    Refusal(int status, String message, String contentType) {
      super(message, null, false, false);
      this.status = status;
      this.contentType = contentType;
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String body;
      try {
        if (path.equals("/add-checkpoint")) {
          requireMethod(ex, "POST");
          body = addCheckpoint(readBody(ex));
        } else if (MONITOR_PATH.matcher(path).matches()) {
          requireMethod(ex, "GET");
          body = latestCheckpoint(path.substring(1, 65));
        } else {
          throw new Refusal(404, "no such endpoint: " + path + "; use POST /add-checkpoint");
        }
      } catch (Refusal r) {
        send(ex, r.status, r.contentType, r.getMessage() + "\n");
        return;
      } catch (IOException | RuntimeException e) {
        log.error("witness failed to answer {} {}", ex.getRequestMethod(), path, e);
        send(ex, 500, "text/plain; charset=utf-8", "witness error; nothing was cosigned\n");
        return;
      }
      send(ex, 200, "text/plain; charset=utf-8", body);
    }
  }

  private static void requireMethod(HttpExchange ex, String method) throws Refusal {
    if (!ex.getRequestMethod().equals(method)) {
      ex.getResponseHeaders().set("Allow", method);
      throw new Refusal(
          405,
          ex.getRequestURI().getPath() + " takes " + method + ", not " + ex.getRequestMethod());
    }
  }

  private byte[] readBody(HttpExchange ex) throws IOException, Refusal {
    String declared = ex.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      long n;
      try {
        n = Long.parseLong(declared.strip());
      } catch (NumberFormatException e) {
        throw new Refusal(400, "Content-Length \"" + declared + "\" is not a number");
      }
      if (n > maxRequestBytes) {
        drain(ex);
        throw new Refusal(413, tooLarge());
      }
    }
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes(maxRequestBytes + 1);
      if (body.length > maxRequestBytes) {
        drain(ex);
        throw new Refusal(413, tooLarge());
      }
      return body;
    }
  }

  /**
   * Reads and drops a refused body, up to a bound: closing a connection with unread data in it
   * resets it, and the client would lose the answer.
   */
  private void drain(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Connection", "close");
    InputStream in = ex.getRequestBody();
    long left = 16L * maxRequestBytes;
    byte[] buf = new byte[8192];
    int n;
    while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
      left -= n;
    }
  }

  private String tooLarge() {
    return "request body is larger than this witness accepts (" + maxRequestBytes + " bytes)";
  }

  private String latestCheckpoint(String originHash) throws Refusal {
    return state
        .latestByHash(originHash)
        .map(WitnessState.Latest::note)
        .orElseThrow(
            () -> new Refusal(404, "this witness never cosigned a checkpoint of that log"));
  }

  private String addCheckpoint(byte[] body) throws Refusal, IOException {
    AddCheckpointRequest req;
    try {
      req = AddCheckpointRequest.parse(body);
    } catch (NoteException e) {
      throw new Refusal(400, "malformed add-checkpoint request: " + e.getMessage());
    }
    Checkpoint cp = req.checkpoint();
    List<NoteVerifier> keys = logs.get(cp.origin());
    if (keys == null) {
      throw new Refusal(404, "unknown log: this witness has no key for origin " + cp.origin());
    }
    List<NoteVerifier> verified = checkLogSignature(cp.origin(), keys, req.signedNote());
    if (req.oldSize() > cp.size()) {
      throw new Refusal(
          400, "old size " + req.oldSize() + " is greater than the checkpoint size " + cp.size());
    }
    if (cp.size() == 0 && !MessageDigest.isEqual(cp.root(), MerkleHash.emptyRoot())) {
      throw new Refusal(422, "a checkpoint of size 0 must have the root of the empty tree");
    }
    if (req.oldSize() == 0 && !req.proof().isEmpty()) {
      throw new Refusal(422, "old size is 0, so the consistency proof must be empty");
    }
    synchronized (locks.computeIfAbsent(cp.origin(), o -> new Object())) {
      Checkpoint current =
          state
              .latest(cp.origin())
              .map(WitnessState.Latest::checkpoint)
              .orElse(Checkpoint.of(cp.origin(), 0, MerkleHash.emptyRoot()));
      if (req.oldSize() != current.size()) {
        throw new Refusal(409, Long.toString(current.size()), SIZE_CONTENT_TYPE);
      }
      checkConsistency(current, cp, req.proof());
      NoteParts parts = NoteParts.of(req.signedNote());
      Cosignature c = signer.cosign(parts.text(), timestamp());
      state.store(cp, kept(parts, verified) + c.line());
      log.debug("witness cosigned {} at size {}", cp.origin(), cp.size());
      return c.line();
    }
  }

  /**
   * The submitted note with only the signatures of the log keys that verified: what the witness
   * keeps and serves to monitors, beside its own cosignature.
   */
  private static String kept(NoteParts parts, List<NoteVerifier> verified) {
    StringBuilder sb = new StringBuilder(parts.text()).append('\n');
    for (String line : parts.signatures()) {
      for (NoteVerifier k : verified) {
        if (NoteParts.names(line, k.name(), k.keyId())) {
          sb.append(line).append('\n');
          break;
        }
      }
    }
    return sb.toString();
  }

  /** Returns the trusted keys whose signatures on the note verify; refuses the note if none. */
  private static List<NoteVerifier> checkLogSignature(
      String origin, List<NoteVerifier> keys, String note) throws Refusal {
    List<String> signers = NoteVerifier.signers(note);
    List<NoteVerifier> verified = new ArrayList<>();
    for (NoteVerifier k : keys) {
      if (!signers.contains(k.keyName())) {
        continue;
      }
      try {
        k.verify(note);
        verified.add(k);
      } catch (NoteException e) {
        throw new Refusal(403, "log signature refused: " + e.getMessage());
      }
    }
    if (verified.isEmpty()) {
      throw new Refusal(
          403,
          "checkpoint of "
              + origin
              + " carries no signature by a key this witness trusts for it (signed by "
              + String.join(", ", signers)
              + ")");
    }
    return verified;
  }

  private void checkConsistency(Checkpoint current, Checkpoint next, List<byte[]> proof)
      throws Refusal {
    if (current.size() == 0) {
      return;
    }
    if (current.size() == next.size()) {
      if (!MessageDigest.isEqual(current.root(), next.root())) {
        log.warn(
            "fork of {}: a checkpoint of size {} with another root than the one cosigned",
            next.origin(),
            next.size());
        throw new Refusal(
            422,
            "fork: this witness cosigned another root at size "
                + next.size()
                + " for "
                + next.origin());
      }
      if (!proof.isEmpty()) {
        throw new Refusal(422, "sizes are equal, so the consistency proof must be empty");
      }
      return;
    }
    try {
      Proofs.verifyConsistency(current.size(), next.size(), current.root(), next.root(), proof);
    } catch (ProofException e) {
      log.warn(
          "inconsistent checkpoint of {}: size {} does not extend size {}: {}",
          next.origin(),
          next.size(),
          current.size(),
          e.getMessage());
      throw new Refusal(
          422,
          "checkpoint of size "
              + next.size()
              + " is not proven consistent with the cosigned size "
              + current.size()
              + ": "
              + e.getMessage());
    }
  }

  private long timestamp() {
    // cosignature/v1 forbids a zero timestamp in a witness's answer.
    return Math.max(1, clock.instant().getEpochSecond());
  }

  private static void send(HttpExchange ex, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static final class Threads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "aims-witness-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }

  /**
   * Configures and starts a {@link WitnessServer}. The signer, the state directory and at least one
   * log are required; it listens on the loopback address and a free port unless told otherwise.
   */
  public static final class Builder {
    private WitnessSigner signer;
    private Path stateDirectory;
    private final Map<String, List<NoteVerifier>> logs = new LinkedHashMap<>();
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port;
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private int threads = 4;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the witness's key, which cosigns. Required. */
    public Builder signer(WitnessSigner signer) {
      this.signer = Objects.requireNonNull(signer, "signer");
      return this;
    }

    /**
     * Sets the directory that keeps the latest cosigned checkpoint of each log (created owner-only
     * when missing). Required; a witness restarted on the same directory carries on where it was.
     */
    public Builder stateDirectory(Path dir) {
      this.stateDirectory = Objects.requireNonNull(dir, "stateDirectory");
      return this;
    }

    /** Adds a log the witness cosigns for, known by its key, whose name is the log's origin. */
    public Builder log(NoteVerifier key) {
      return log(key.name(), key);
    }

    /**
     * Adds a key the witness trusts for the log of {@code origin}; several keys of one origin (a
     * key rotation) are all trusted.
     */
    public Builder log(String origin, NoteVerifier key) {
      Objects.requireNonNull(key, "key");
      if (origin == null || origin.isEmpty() || origin.indexOf('\n') >= 0) {
        throw new IllegalArgumentException(
            "log origin must be a non-empty line, was \"" + origin + "\"");
      }
      List<NoteVerifier> keys = logs.computeIfAbsent(origin, o -> new ArrayList<>());
      if (!keys.contains(key)) {
        keys.add(key);
      }
      return this;
    }

    /** Sets the address to listen on; the loopback address unless set. */
    public Builder address(InetAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Sets the port to listen on; 0 (the default) picks a free one, see {@link #port()}. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be within 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the largest request body accepted; larger ones get 413. */
    public Builder maxRequestBytes(int max) {
      if (max < 1024) {
        throw new IllegalArgumentException("maxRequestBytes must be at least 1024, was " + max);
      }
      this.maxRequestBytes = max;
      return this;
    }

    /** Sets how many requests are served at once (requests for one log still wait in turn). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Sets the clock of the cosignatures' timestamps; the system clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Reads the state directory and starts listening.
     *
     * @throws IllegalStateException naming the missing setting
     * @throws IOException if the state cannot be read (the message names the file) or the address
     *     cannot be bound
     */
    public WitnessServer start() throws IOException {
      if (signer == null) {
        throw new IllegalStateException("witness server needs its signer key: call signer(...)");
      }
      if (stateDirectory == null) {
        throw new IllegalStateException(
            "witness server needs a state directory: call stateDirectory(...)");
      }
      if (logs.isEmpty()) {
        throw new IllegalStateException(
            "witness server knows no log: add each log's verifier key with log(...)");
      }
      for (Map.Entry<String, List<NoteVerifier>> e : logs.entrySet()) {
        e.setValue(List.copyOf(e.getValue()));
      }
      return new WitnessServer(this, WitnessState.open(stateDirectory));
    }
  }
}
