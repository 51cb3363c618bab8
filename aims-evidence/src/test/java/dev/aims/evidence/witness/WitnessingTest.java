package dev.aims.evidence.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.EvidenceFailure;
import dev.aims.evidence.EvidenceListener;
import dev.aims.evidence.note.NoteSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Witnessing} driven step by step, without its thread and with a hand-moved clock: which
 * checkpoint is submitted when, how cosignatures are merged and kept, and what is reported.
 */
class WitnessingTest {
  static final NoteSigner KEY = NoteSigner.fromSeed("example.com/log", WitnessServerTest.seed(1));
  static final WitnessSigner W1 = WitnessSigner.fromSeed("w1.example", WitnessServerTest.seed(2));
  static final WitnessSigner W2 = WitnessSigner.fromSeed("w2.example", WitnessServerTest.seed(3));
  static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @TempDir Path tmp;
  WitnessServer s1;
  WitnessServer s2;
  TestLog log;
  CosignatureStore kept;
  final AtomicLong now = new AtomicLong();
  final List<EvidenceFailure> failures = new CopyOnWriteArrayList<>();
  final List<String> passedOn = new CopyOnWriteArrayList<>();
  final EvidenceListener next =
      new EvidenceListener() {
        @Override
        public void onCheckpoint(String signedNote) {
          passedOn.add(signedNote);
        }

        @Override
        public void onFailure(EvidenceFailure failure) {
          failures.add(failure);
        }
      };

  @BeforeEach
  void start() throws IOException {
    s1 = server(W1, "s1");
    s2 = server(W2, "s2");
    log = new TestLog(KEY, "entry");
    kept = CosignatureStore.inDirectory(tmp.resolve("cosignatures"));
  }

  @AfterEach
  void stop() {
    s1.close();
    s2.close();
  }

  WitnessServer server(WitnessSigner w, String state) throws IOException {
    return WitnessServer.builder()
        .signer(w)
        .stateDirectory(tmp.resolve(state))
        .log(KEY.verifier())
        .start();
  }

  Witnessing.Builder builder(WitnessServer... servers) {
    Witnessing.Builder b =
        Witnessing.builder()
            .reader(log.store)
            .cosignatures(kept)
            .listener(next)
            .ticker(now::get)
            .startThread(false);
    for (WitnessServer s : servers) {
      b.witness(WitnessServerTest.clientOf(s, s.verifier()));
    }
    return b;
  }

  @Test
  void onlyTheLatestCheckpointIsSubmitted_atMostOncePerInterval() throws IOException {
    Witnessing w = builder(s1, s2).interval(Duration.ofSeconds(60)).build();
    assertThat(w.delay(now.get())).isEqualTo(-1);

    w.onCheckpoint(log.checkpoint(3));
    assertThat(w.delay(now.get())).isZero();
    String first = w.take();
    w.submit(first);
    w.done();

    w.onCheckpoint(log.checkpoint(5));
    w.onCheckpoint(log.checkpoint(7));
    now.set(10 * SECOND);
    assertThat(w.delay(now.get())).isEqualTo(50 * SECOND);
    now.set(60 * SECOND);
    assertThat(w.delay(now.get())).isZero();
    String second = w.take();
    assertThat(second).isEqualTo(log.checkpoint(7));
    w.submit(second);
    w.done();

    assertThat(kept.sizes()).containsExactly(3L, 7L);
    assertThat(w.delay(now.get())).isEqualTo(-1);
    assertThat(passedOn).hasSize(3);
    assertThat(failures).isEmpty();
    assertThat(w.quorum()).isEqualTo(2);
  }

  @Test
  void cosignaturesOfLaterSubmissions_areAddedToTheNoteKept() throws IOException {
    String cp = log.checkpoint(5);
    builder(s1).build().submit(cp);
    builder(s2).build().submit(cp);

    String note = kept.get(5).orElseThrow();
    assertThat(note).startsWith(cp);
    CosignedCheckpoint c =
        CosignedCheckpoint.of("5.note", note, List.of(W1.verifier(), W2.verifier()));
    assertThat(c.witnesses()).containsExactly("w1.example", "w2.example");
    assertThat(failures).isEmpty();
  }

  @Test
  void aWitnessThatRefuses_isReported_andTheOthersCosignaturesAreKept() throws IOException {
    WitnessSigner stranger = WitnessSigner.fromSeed("w3.example", WitnessServerTest.seed(4));
    try (WitnessServer other =
        WitnessServer.builder()
            .signer(stranger)
            .stateDirectory(tmp.resolve("s3"))
            .log(NoteSigner.fromSeed("other.example/log", WitnessServerTest.seed(5)).verifier())
            .start()) {
      Witnessing w =
          builder(s1).witness(WitnessServerTest.clientOf(other, other.verifier())).build();
      w.submit(log.checkpoint(4));
    }

    assertThat(kept.sizes()).containsExactly(4L);
    assertThat(failures).hasSize(2);
    assertThat(failures.get(0).operation()).isEqualTo(EvidenceFailure.Operation.WITNESS);
    assertThat(failures.get(0).cause().getMessage())
        .startsWith("checkpoint 4 not cosigned: witness w3.example+")
        .contains("answered 404");
    assertThat(failures.get(0).cause().getCause()).isInstanceOf(WitnessException.class);
    assertThat(((WitnessException) failures.get(0).cause().getCause()).kind())
        .isEqualTo(WitnessException.Kind.UNKNOWN_LOG);
    assertThat(failures.get(1).cause().getMessage())
        .isEqualTo("checkpoint 4 was cosigned by 1 of 2 witnesses, fewer than the quorum of 2");
    assertThat(failures.get(1).toString()).startsWith("EvidenceFailure[WITNESS: ");
  }

  @Test
  void aWitnessThatKnowsALargerSize_isAskedFromItsSize() throws IOException {
    builder(s1).build().submit(log.checkpoint(6));
    // A new Witnessing knows nothing of the witness's size 6; the 409 tells it.
    Witnessing fresh = builder(s1).build();
    fresh.submit(log.checkpoint(9));
    assertThat(kept.sizes()).containsExactly(6L, 9L);
    assertThat(failures).isEmpty();
  }

  @Test
  void aDifferentCheckpointKeptAtTheSameSize_isNotReplaced_andIsReported() throws IOException {
    TestLog fork = new TestLog(KEY, "forked");
    kept.put(
        5,
        Cosignature.addTo(
            fork.checkpoint(5),
            List.of(
                W2.cosign(
                    dev.aims.evidence.note.Checkpoint.of(KEY.name(), 5, fork.store.root(5))
                        .format(),
                    1))));
    String before = kept.get(5).orElseThrow();

    builder(s1).build().submit(log.checkpoint(5));

    assertThat(kept.get(5)).contains(before);
    assertThat(failures)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.cause().getMessage())
                    .contains("a different checkpoint of size 5 is kept"));
  }

  @Test
  void directoryStore_writesNotesOwnerWritable_andListsOnlyNotes() throws IOException {
    Path d = tmp.resolve("cs");
    CosignatureStore store = CosignatureStore.inDirectory(d);
    assertThat(store.sizes()).isEmpty();
    assertThat(store.get(3)).isEmpty();
    store.put(12, "twelve\n");
    store.put(3, "three\n");
    store.put(3, "three again\n");
    Files.writeString(d.resolve(".7.note.tmp"), "torn");
    Files.writeString(d.resolve("07.note"), "bad name");
    assertThat(store.sizes()).containsExactly(3L, 12L);
    assertThat(store.get(3)).contains("three again\n");
    if (Files.getFileStore(d).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d.resolve("3.note"))))
          .isEqualTo("rw-r--r--");
    }
    assertThatThrownBy(() -> store.put(-1, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("checkpoint size must not be negative, was -1");
  }

  @Test
  void build_refusesMissingOrContradictorySettings() {
    assertThatThrownBy(() -> Witnessing.builder().reader(log.store).cosignatures(kept).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one witness");
    assertThatThrownBy(
            () ->
                Witnessing.builder()
                    .witness(WitnessServerTest.clientOf(s1, W1.verifier()))
                    .reader(log.store)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cosignatures(...)");
    assertThatThrownBy(() -> builder(s1).quorum(2).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("quorum 2 exceeds the 1 witnesses added");
    assertThatThrownBy(() -> builder(s1).witness(WitnessServerTest.clientOf(s1, W1.verifier())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was already added");
    assertThatThrownBy(() -> builder(s1).interval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
