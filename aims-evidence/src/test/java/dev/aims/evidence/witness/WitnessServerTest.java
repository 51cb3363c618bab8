package dev.aims.evidence.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The witness server and the client together over real HTTP on localhost: what the witness cosigns,
 * what it refuses with which status, and that its state survives a restart.
 */
class WitnessServerTest {
  static final NoteSigner LOG_KEY = NoteSigner.fromSeed("example.com/log", seed(1));
  static final WitnessSigner WITNESS = WitnessSigner.fromSeed("witness.example/w1", seed(2));
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  @TempDir Path dir;
  Path state;
  WitnessServer server;
  WitnessClient client;
  TestLog log;
  final HttpClient http = HttpClient.newHttpClient();

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) b);
    return s;
  }

  @BeforeEach
  void start() throws IOException {
    state = dir.resolve("state");
    server = startServer();
    client = clientOf(server, WITNESS.verifier());
    log = new TestLog(LOG_KEY, "entry");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  WitnessServer startServer() throws IOException {
    return WitnessServer.builder()
        .signer(WITNESS)
        .stateDirectory(state)
        .log(LOG_KEY.verifier())
        .clock(CLOCK)
        .start();
  }

  static WitnessClient clientOf(WitnessServer s, WitnessVerifier key) {
    return WitnessClient.builder().uri(s.uri()).witness(key).build();
  }

  WitnessException refused(long old, List<byte[]> proof, String note) throws Exception {
    return assertThrows(() -> client.addCheckpoint(old, proof, note));
  }

  HttpResponse<String> post(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.uri().resolve("/add-checkpoint"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // ---- Cosigning ----

  @Test
  void firstCheckpoint_withOldZero_isCosignedWithTheWitnessKey() throws Exception {
    String note = log.checkpoint(5);
    List<Cosignature> cs = client.addCheckpoint(0, List.of(), note);
    assertThat(cs).hasSize(1);
    Cosignature c = cs.get(0);
    assertThat(c.keyName()).isEqualTo(WITNESS.verifier().keyName());
    assertThat(c.timestamp()).isEqualTo(1_700_000_000L);
    // Verifiable by anyone holding only the witness's vkey.
    WitnessVerifier byVkey = WitnessVerifier.parse(server.verifier().vkey());
    String cosigned = Cosignature.addTo(note, cs);
    assertThat(Cosignature.verify(cosigned, List.of(byVkey))).containsExactly(c);
    assertThat(LOG_KEY.verifier().verify(cosigned)).isNotEmpty();
  }

  @Test
  void laterCheckpoints_withConsistencyProofs_areCosigned() throws Exception {
    client.addCheckpoint(0, List.of(), log.checkpoint(3));
    client.addCheckpoint(3, log.proof(3, 8), log.checkpoint(8));
    client.addCheckpoint(8, log.proof(8, 21), log.checkpoint(21));
    // The same checkpoint again is cosigned again.
    assertThat(client.addCheckpoint(21, List.of(), log.checkpoint(21))).hasSize(1);
    assertThat(latestSize()).isEqualTo(21);
  }

  @Test
  void conflict_answers409WithTheWitnessSize_asTextXTlogSize() throws Exception {
    client.addCheckpoint(0, List.of(), log.checkpoint(5));
    WitnessException e = refused(0, List.of(), log.checkpoint(9));
    assertThat(e.kind()).isEqualTo(WitnessException.Kind.CONFLICT);
    assertThat(e.status()).isEqualTo(409);
    assertThat(e.witnessSize()).hasValue(5);
    HttpResponse<String> raw =
        post(AddCheckpointRequest.format(2, log.proof(2, 9), log.checkpoint(9)));
    assertThat(raw.statusCode()).isEqualTo(409);
    assertThat(raw.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
    assertThat(raw.body()).isEqualTo("5\n");
  }

  @Test
  void conflict_isResolvedByTheClient_provingFromTheWitnessSize() throws Exception {
    client.addCheckpoint(0, List.of(), log.checkpoint(5));
    // The caller does not know the witness's size: the client learns it from the 409.
    List<Cosignature> cs = client.addCheckpoint(log.store, 0, log.checkpoint(12));
    assertThat(cs).hasSize(1);
    assertThat(latestSize()).isEqualTo(12);
    // And with a stale size.
    assertThat(client.addCheckpoint(log.store, 5, log.checkpoint(13))).hasSize(1);
    assertThat(client.addCheckpoint(log.store, 13, log.checkpoint(13))).hasSize(1);
  }

  // ---- Refusals ----

  @Test
  void rollback_isRefused() throws Exception {
    client.addCheckpoint(0, List.of(), log.checkpoint(10));
    // Honest about the witness's size: old above the checkpoint's size is a bad request.
    WitnessException honest = refused(10, List.of(), log.checkpoint(6));
    assertThat(honest.kind()).isEqualTo(WitnessException.Kind.REFUSED);
    assertThat(honest.status()).isEqualTo(400);
    assertThat(honest).hasMessageContaining("old size 10 is greater than the checkpoint size 6");
    // Anything else conflicts with the witness's size, which no proof can reach.
    assertThat(refused(6, List.of(), log.checkpoint(6)).witnessSize()).hasValue(10);
    WitnessException viaStore =
        assertThrows(() -> client.addCheckpoint(log.store, 0, log.checkpoint(6)));
    assertThat(viaStore.kind()).isEqualTo(WitnessException.Kind.CONFLICT);
    assertThat(viaStore.witnessSize()).hasValue(10);
    assertThat(latestSize()).isEqualTo(10);
  }

  @Test
  void fork_sameSizeOtherRoot_signedByTheLogKey_isRefused() throws Exception {
    client.addCheckpoint(0, List.of(), log.checkpoint(10));
    // The key holder rewrites entry 0 and re-signs at the same size.
    TestLog rewritten = new TestLog(LOG_KEY, "rewritten");
    WitnessException e = refused(10, List.of(), rewritten.checkpoint(10));
    assertThat(e.kind()).isEqualTo(WitnessException.Kind.INCONSISTENT);
    assertThat(e.status()).isEqualTo(422);
    assertThat(e).hasMessageContaining("fork: this witness cosigned another root at size 10");
    assertThat(latestSize()).isEqualTo(10);
  }

  @Test
  void fork_largerRewrittenLog_failsTheConsistencyProof() throws Exception {
    client.addCheckpoint(0, List.of(), log.checkpoint(10));
    TestLog rewritten = new TestLog(LOG_KEY, "rewritten");
    WitnessException e = refused(10, rewritten.proof(10, 16), rewritten.checkpoint(16));
    assertThat(e.kind()).isEqualTo(WitnessException.Kind.INCONSISTENT);
    assertThat(e).hasMessageContaining("is not proven consistent with the cosigned size 10");
    // The honest proof for a forged checkpoint fails as well.
    assertThat(refused(10, log.proof(10, 16), rewritten.checkpoint(16)).status()).isEqualTo(422);
    assertThat(latestSize()).isEqualTo(10);
  }

  @Test
  void badLogSignature_isRefusedWith403() throws Exception {
    String note = log.checkpoint(4);
    String text = note.substring(0, note.indexOf("\n\n") + 1);
    // Same name, another key: not a key the witness trusts.
    NoteSigner impostor = NoteSigner.fromSeed("example.com/log", seed(3));
    WitnessException e = refused(0, List.of(), impostor.sign(text));
    assertThat(e.kind()).isEqualTo(WitnessException.Kind.REFUSED);
    assertThat(e.status()).isEqualTo(403);
    assertThat(e).hasMessageContaining("carries no signature by a key this witness trusts");
    // The trusted key's line, with a changed signature.
    String line = LOG_KEY.signatureLine(text);
    char last = line.charAt(line.length() - 3);
    String tampered =
        text
            + "\n"
            + line.substring(0, line.length() - 3)
            + (last == 'A' ? 'B' : 'A')
            + line.substring(line.length() - 2);
    WitnessException t = refused(0, List.of(), tampered);
    assertThat(t.status()).isEqualTo(403);
    assertThat(t).hasMessageContaining("does not verify");
    assertThat(server.uri()).isNotNull();
    assertThat(Files.list(state).count()).isZero();
  }

  @Test
  void unknownLog_isRefusedWith404() throws Exception {
    NoteSigner other = NoteSigner.fromSeed("example.com/other", seed(4));
    WitnessException e = refused(0, List.of(), new TestLog(other, "x").checkpoint(3));
    assertThat(e.kind()).isEqualTo(WitnessException.Kind.UNKNOWN_LOG);
    assertThat(e.status()).isEqualTo(404);
    assertThat(e).hasMessageContaining("no key for origin example.com/other");
  }

  @Test
  void malformedRequests_areRefusedWith400() throws Exception {
    String note = log.checkpoint(4);
    for (String body :
        List.of("", "hello", "old 01\n\n" + note, "old 0\n" + note, "old 0\nxx\n\n" + note)) {
      HttpResponse<String> r = post(body);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(r.body()).startsWith("malformed add-checkpoint request: ");
    }
  }

  @Test
  void emptyTreeAndProofRules_areRefusedWith422() throws Exception {
    byte[] notEmpty = new byte[32];
    String badZero = LOG_KEY.sign(Checkpoint.of("example.com/log", 0, notEmpty).format());
    assertThat(refused(0, List.of(), badZero).status()).isEqualTo(422);
    String goodZero =
        LOG_KEY.sign(Checkpoint.of("example.com/log", 0, MerkleHash.emptyRoot()).format());
    assertThat(client.addCheckpoint(0, List.of(), goodZero)).hasSize(1);
    WitnessException proofFromZero = refused(0, log.proof(2, 4), log.checkpoint(4));
    assertThat(proofFromZero.status()).isEqualTo(422);
    assertThat(proofFromZero).hasMessageContaining("old size is 0, so the consistency proof");
  }

  @Test
  void otherEndpointsAndMethods_andOversizedBodies_areRefused() throws Exception {
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(server.uri().resolve("/add-checkpoint")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    HttpResponse<String> elsewhere =
        http.send(
            HttpRequest.newBuilder(server.uri().resolve("/nothing")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    String huge = "old 0\n\n" + "x".repeat(WitnessServer.DEFAULT_MAX_REQUEST_BYTES);
    assertThat(post(huge).statusCode()).isEqualTo(413);
  }

  // ---- State ----

  @Test
  void restart_keepsTheState_andStillRefusesARollback() throws Exception {
    client.addCheckpoint(0, List.of(), log.checkpoint(7));
    server.close();
    server = startServer();
    client = clientOf(server, WITNESS.verifier());
    WitnessException e = refused(0, List.of(), log.checkpoint(3));
    assertThat(e.kind()).isEqualTo(WitnessException.Kind.CONFLICT);
    assertThat(e.witnessSize()).hasValue(7);
    assertThat(refused(7, List.of(), log.checkpoint(3)).status()).isEqualTo(400);
    TestLog rewritten = new TestLog(LOG_KEY, "rewritten");
    assertThat(refused(7, List.of(), rewritten.checkpoint(7)).status()).isEqualTo(422);
    assertThat(client.addCheckpoint(7, log.proof(7, 9), log.checkpoint(9))).hasSize(1);
  }

  @Test
  void state_isOwnerOnly_andServedAsTheLatestCosignedCheckpoint() throws Exception {
    String note = log.checkpoint(6);
    Cosignature c = client.addCheckpoint(0, List.of(), note).get(0);
    String hash = WitnessState.originHash("example.com/log");
    Path file = state.resolve(hash);
    assertThat(Files.readString(file)).isEqualTo(note + c.line());
    if (state.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
          .isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    HttpResponse<String> monitor =
        http.send(
            HttpRequest.newBuilder(server.uri().resolve("/" + hash + "/checkpoint")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(monitor.statusCode()).isEqualTo(200);
    assertThat(monitor.body()).isEqualTo(note + c.line());
    String unknown = WitnessState.originHash("example.com/other");
    assertThat(
            http.send(
                    HttpRequest.newBuilder(server.uri().resolve("/" + unknown + "/checkpoint"))
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void state_keepsOnlyTheVerifiedLogSignatureAndTheWitnessCosignature() throws Exception {
    String text = Checkpoint.of("example.com/log", 4, log.grow(4).store.root(4)).format();
    WitnessSigner otherWitness = WitnessSigner.fromSeed("witness.example/w9", seed(6));
    NoteSigner stranger = NoteSigner.fromSeed("stranger.example/x", seed(7));
    String note =
        NoteSigner.sign(text, List.of(stranger, LOG_KEY))
            + otherWitness.cosign(text, 1_600_000_000L).line();
    Cosignature c = client.addCheckpoint(0, List.of(), note).get(0);
    Path file = state.resolve(WitnessState.originHash("example.com/log"));
    assertThat(Files.readString(file))
        .isEqualTo(text + "\n" + LOG_KEY.signatureLine(text) + c.line());
  }

  @Test
  void corruptedState_failsTheStart_namingTheFile() throws Exception {
    client.addCheckpoint(0, List.of(), log.checkpoint(6));
    server.close();
    Path file = state.resolve(WitnessState.originHash("example.com/log"));
    Files.writeString(file, "garbage\n");
    assertThatThrownBy(this::startServer)
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("witness state file " + file + " is not a signed checkpoint");
    server = startServer(file);
  }

  /** Starts after removing {@code file}, so that the test's cleanup has a server to close. */
  private WitnessServer startServer(Path file) throws IOException {
    Files.delete(file);
    return startServer();
  }

  @Test
  void concurrentSubmissions_forOneLog_neverRollTheStateBack() throws Exception {
    log.grow(40);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int size = 1; size <= 40; size++) {
        long n = size;
        String note = log.checkpoint(n);
        results.add(
            pool.submit(
                () -> {
                  try {
                    client.addCheckpoint(log.store, 0, note);
                    return n;
                  } catch (WitnessException e) {
                    // Only a size above this one may have overtaken it.
                    assertThat(e.kind()).isEqualTo(WitnessException.Kind.CONFLICT);
                    assertThat(e.witnessSize().getAsLong()).isGreaterThan(n);
                    return -1L;
                  }
                }));
      }
      for (Future<Long> f : results) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(latestSize()).isEqualTo(40);
  }

  @Test
  void clientRefusesAnswers_notSignedByTheExpectedWitness() throws Exception {
    WitnessVerifier expected = WitnessSigner.fromSeed("witness.example/w1", seed(5)).verifier();
    WitnessClient wrong = clientOf(server, expected);
    WitnessException e = assertThrows(() -> wrong.addCheckpoint(0, List.of(), log.checkpoint(2)));
    assertThat(e.kind()).isEqualTo(WitnessException.Kind.INVALID_RESPONSE);
    assertThat(e).hasMessageContaining("answered 200 without a cosignature by its key");
  }

  @Test
  void unreachableWitness_isUnavailable() throws Exception {
    URI gone = server.uri();
    server.close();
    WitnessClient c = WitnessClient.builder().uri(gone).witness(WITNESS.verifier()).build();
    WitnessException e = assertThrows(() -> c.addCheckpoint(0, List.of(), log.checkpoint(2)));
    assertThat(e.kind()).isEqualTo(WitnessException.Kind.UNAVAILABLE);
    assertThat(e.status()).isZero();
    assertThat(e).hasMessageContaining("cannot reach it");
    server = startServer();
  }

  @Test
  void builder_refusesAMissingSetting_namingIt() {
    assertThatThrownBy(
            () -> WitnessServer.builder().stateDirectory(state).log(LOG_KEY.verifier()).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("signer");
    assertThatThrownBy(() -> WitnessServer.builder().signer(WITNESS).stateDirectory(state).start())
        .hasMessageContaining("knows no log");
    assertThatThrownBy(() -> WitnessClient.builder().uri(URI.create("ftp://x")))
        .hasMessageContaining("must be http or https");
  }

  private long latestSize() throws Exception {
    String hash = WitnessState.originHash("example.com/log");
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(server.uri().resolve("/" + hash + "/checkpoint")).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return Checkpoint.parse(NoteParts.of(r.body()).text()).size();
  }

  interface Call {
    Object run() throws Exception;
  }

  static WitnessException assertThrows(Call call) throws Exception {
    try {
      call.run();
    } catch (WitnessException e) {
      return e;
    }
    throw new AssertionError("the witness cosigned");
  }
}
