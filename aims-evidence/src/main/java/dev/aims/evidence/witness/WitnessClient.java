package dev.aims.evidence.witness;

import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.spi.LogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Submits checkpoints to one C2SP tlog-witness with {@code add-checkpoint} and returns its
 * cosignatures, verified against the witness's key before they are returned.
 *
 * <p>{@link #addCheckpoint(long, List, String)} makes one request; {@link #addCheckpoint(LogStore,
 * long, String)} proves consistency from the log's own store and, when the witness answers 409 with
 * another size, proves again from that size. Every failure is a {@link WitnessException} whose kind
 * says what happened. Thread-safe; build with {@link #builder()}.
 */
public final class WitnessClient {
  private static final Pattern SIZE_BODY = Pattern.compile("(0|[1-9][0-9]{0,18})\n");
  private static final int MAX_ATTEMPTS = 64;

  private final URI endpoint;
  private final WitnessVerifier witness;
  private final HttpClient http;
  private final Duration timeout;

  private WitnessClient(Builder b) {
    this.endpoint = b.addCheckpointUri();
    this.witness = b.witness;
    this.timeout = b.timeout;
    this.http =
        b.http != null
            ? b.http
            : HttpClient.newBuilder()
                .connectTimeout(b.timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the key of the witness this client talks to. */
  public WitnessVerifier witness() {
    return witness;
  }

  /**
   * Submits a signed checkpoint with the consistency proof from {@code oldSize}, the size of the
   * latest checkpoint the witness is believed to have cosigned (0 if none), and returns the
   * witness's cosignatures on it, each verified against its key; lines of other keys in the answer
   * are ignored.
   *
   * @throws WitnessException of kind {@link WitnessException.Kind#CONFLICT} with the witness's size
   *     when {@code oldSize} is not its size, and of the other kinds as documented there
   * @throws IllegalArgumentException if {@code signedNote} is not a signed checkpoint, {@code
   *     oldSize} is negative or the proof is longer than 63 hashes
   */
  public List<Cosignature> addCheckpoint(long oldSize, List<byte[]> proof, String signedNote)
      throws WitnessException {
    String text;
    try {
      text = NoteParts.of(signedNote).text();
      Checkpoint.parse(text);
    } catch (NoteException e) {
      throw new IllegalArgumentException("signedNote: " + e.getMessage(), e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    AddCheckpointRequest.format(oldSize, proof, signedNote),
                    StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw failure(WitnessException.Kind.UNAVAILABLE, 0, "cannot reach it: " + reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(WitnessException.Kind.UNAVAILABLE, 0, "interrupted while waiting", e);
    }
    int status = response.statusCode();
    String body = response.body();
    if (status == 200) {
      return cosignatures(text, body);
    }
    if (status == 409) {
      if (!SIZE_BODY.matcher(body).matches()) {
        throw failure(
            WitnessException.Kind.INVALID_RESPONSE,
            status,
            "answered 409 Conflict without its size as the body",
            null);
      }
      long size = Long.parseLong(body.strip());
      throw new WitnessException(
          WitnessException.Kind.CONFLICT,
          status,
          size,
          "witness " + witness.keyName() + " has cosigned size " + size + ", not " + oldSize,
          null);
    }
    WitnessException.Kind kind;
    if (status == 404) {
      kind = WitnessException.Kind.UNKNOWN_LOG;
    } else if (status == 422) {
      kind = WitnessException.Kind.INCONSISTENT;
    } else if (status >= 400 && status < 500) {
      kind = WitnessException.Kind.REFUSED;
    } else {
      kind = WitnessException.Kind.UNAVAILABLE;
    }
    throw failure(kind, status, "answered " + status + ": " + shortBody(body), null);
  }

  /**
   * Submits a signed checkpoint of the log kept in {@code store}, proving consistency from {@code
   * knownSize} (the size the witness last cosigned as far as the caller knows, 0 if unknown) with
   * proofs read from the store; on a 409 it proves again from the witness's size, as long as that
   * size grows (other submissions may move it meanwhile), and at most 64 times.
   *
   * @throws WitnessException as {@link #addCheckpoint(long, List, String)}; a {@link
   *     WitnessException.Kind#CONFLICT} is only thrown when the witness has cosigned a larger size
   *     than the checkpoint's, which no proof can reconcile
   * @throws IOException if the store cannot be read
   * @throws IllegalArgumentException if the checkpoint is larger than the store or {@code
   *     knownSize} is above the checkpoint's size
   */
  public List<Cosignature> addCheckpoint(LogStore store, long knownSize, String signedNote)
      throws WitnessException, IOException {
    Checkpoint cp = LogStore.checkpointOf(signedNote);
    if (cp.size() > store.size()) {
      throw new IllegalArgumentException(
          "checkpoint size " + cp.size() + " is larger than the store (" + store.size() + ")");
    }
    long old = knownSize;
    for (int attempt = 1; ; attempt++) {
      List<byte[]> proof = proof(store, old, cp.size());
      try {
        return addCheckpoint(old, proof, signedNote);
      } catch (WitnessException e) {
        long theirs = e.witnessSize().orElse(-1);
        // A witness's size only grows, so each retry from a larger size is progress; a smaller
        // one is believed once (the caller's size was wrong), and a size above the checkpoint's
        // cannot be proven at all.
        boolean progress = theirs > old || attempt == 1;
        if (e.kind() != WitnessException.Kind.CONFLICT
            || theirs > cp.size()
            || !progress
            || attempt == MAX_ATTEMPTS) {
          throw e;
        }
        old = theirs;
      }
    }
  }

  private static List<byte[]> proof(LogStore store, long from, long to) throws IOException {
    try {
      return store.consistencyProof(from, to);
    } catch (ProofException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private List<Cosignature> cosignatures(String text, String body) throws WitnessException {
    List<Cosignature> out = new ArrayList<>();
    if (body.isEmpty() || !body.endsWith("\n")) {
      throw failure(
          WitnessException.Kind.INVALID_RESPONSE,
          200,
          "answered 200 without signature lines ending in a newline",
          null);
    }
    for (String line : body.substring(0, body.length() - 1).split("\n", -1)) {
      if (!line.startsWith(NoteParts.SIGNATURE_PREFIX)) {
        throw failure(
            WitnessException.Kind.INVALID_RESPONSE,
            200,
            "answered 200 with a line that is not a signature line: " + shortBody(line),
            null);
      }
      if (!witness.signed(line)) {
        continue;
      }
      try {
        Cosignature c = witness.verify(text, Cosignature.parse(line));
        if (c.timestamp() == 0) {
          throw new NoteException("cosignature by " + c.keyName() + " has no timestamp");
        }
        out.add(c);
      } catch (NoteException e) {
        throw failure(WitnessException.Kind.INVALID_RESPONSE, 200, e.getMessage(), e);
      }
    }
    if (out.isEmpty()) {
      throw failure(
          WitnessException.Kind.INVALID_RESPONSE,
          200,
          "answered 200 without a cosignature by its key",
          null);
    }
    return out;
  }

  private WitnessException failure(
      WitnessException.Kind kind, int status, String what, Throwable cause) {
    return new WitnessException(
        kind, status, 0, "witness " + witness.keyName() + " at " + endpoint + " " + what, cause);
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String shortBody(String body) {
    String s = body.strip();
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  /** Configures a {@link WitnessClient}; the witness's URL and key are required. */
  public static final class Builder {
    private URI uri;
    private WitnessVerifier witness;
    private Duration timeout = Duration.ofSeconds(10);
    private HttpClient http;

    private Builder() {}

    /**
     * Sets the witness's submission prefix, such as {@code https://witness.example/w1}: requests go
     * to {@code <prefix>/add-checkpoint}. Required.
     */
    public Builder uri(URI submissionPrefix) {
      Objects.requireNonNull(submissionPrefix, "uri");
      String scheme = submissionPrefix.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException(
            "witness uri must be http or https, was \"" + submissionPrefix + "\"");
      }
      this.uri = submissionPrefix;
      return this;
    }

    /** Sets the witness's key; only its cosignatures are returned. Required. */
    public Builder witness(WitnessVerifier key) {
      this.witness = Objects.requireNonNull(key, "witness");
      return this;
    }

    /** Sets how long to wait to connect and for each answer; 10 seconds unless set. */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Sets the HTTP client to use (for proxies or TLS settings); a new one unless set. */
    public Builder httpClient(HttpClient client) {
      this.http = Objects.requireNonNull(client, "httpClient");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException naming the missing setting
     */
    public WitnessClient build() {
      if (uri == null) {
        throw new IllegalStateException("witness client needs the witness's uri: call uri(...)");
      }
      if (witness == null) {
        throw new IllegalStateException(
            "witness client needs the witness's key: call witness(...)");
      }
      return new WitnessClient(this);
    }

    private URI addCheckpointUri() {
      String s = uri.toString();
      return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/add-checkpoint");
    }
  }
}
