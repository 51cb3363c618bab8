package dev.aims.audit.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import dev.aims.evidence.witness.Cosignature;
import dev.aims.evidence.witness.CosignatureStore;
import dev.aims.evidence.witness.WitnessSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audit pack carries the log's cosigned checkpoints, lists them and verifies with them. */
class AuditPackWitnessTest {
  static final WitnessSigner W1 = WitnessSigner.fromSeed("w1.example", seed(31));
  static final WitnessSigner W2 = WitnessSigner.fromSeed("w2.example", seed(32));

  @TempDir Path tmp;
  Path log;
  Path pack;
  List<Long> sizes = new ArrayList<>();

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) b);
    return s;
  }

  @BeforeEach
  void writePack() throws IOException {
    log = PackFixtures.log(tmp.resolve("evidence"), 20);
    try (FileStore store = FileStore.openReadOnly(log);
        Stream<String> notes = store.checkpoints()) {
      for (String note : (Iterable<String>) notes::iterator) {
        var cp = LogStore.checkpointOf(note);
        List<Cosignature> c =
            List.of(W1.cosign(cp.format(), 1_767_000_000L), W2.cosign(cp.format(), 1_767_000_001L));
        CosignatureStore.ofLog(log).put(cp.size(), Cosignature.addTo(note, c));
        sizes.add(cp.size());
      }
    }
    pack = tmp.resolve("pack");
    AuditPack.builder()
        .records(PackFixtures.records())
        .logDirectory(log)
        .signer(PackFixtures.SIGNER)
        .asOf(PackFixtures.AS_OF)
        .write(pack);
  }

  LogVerifier policy(int quorum, WitnessSigner... witnesses) {
    return LogVerifier.builder()
        .key(PackFixtures.SIGNER.verifier())
        .witnesses(Arrays.stream(witnesses).map(WitnessSigner::verifier).toList(), quorum)
        .build();
  }

  @Test
  void pack_copiesTheCosignedNotes_andItsManifestListsThem() throws IOException {
    assertThat(sizes).hasSizeGreaterThan(1);
    for (long size : sizes) {
      Path copy = pack.resolve("log/cosignatures/" + size + ".note");
      assertThat(copy).exists();
      assertThat(Files.readString(copy))
          .isEqualTo(Files.readString(log.resolve("cosignatures/" + size + ".note")));
    }
    assertThat(PackManifest.files(pack))
        .contains("log/cosignatures/" + sizes.get(sizes.size() - 1) + ".note");
    String manifest =
        PackFixtures.SIGNER.verifier().verify(Files.readString(pack.resolve(AuditPack.MANIFEST)));
    assertThat(manifest).contains("log/cosignatures/" + sizes.get(0) + ".note");
  }

  @Test
  void pack_verifiesUnderAWitnessPolicy() {
    PackVerification v = AuditPack.verify(pack, PackFixtures.SIGNER.verifier(), policy(2, W1, W2));
    assertThat(v.problems()).isEmpty();
    VerificationResult log = v.log().orElseThrow();
    assertThat(log.witnessed().orElseThrow().size()).isEqualTo(sizes.get(sizes.size() - 1));
    assertThat(AuditPack.verify(pack, PackFixtures.SIGNER.verifier()).ok()).isTrue();
  }

  @Test
  void aCosignedNoteRemovedFromThePack_isCaughtByTheManifest_andTheQuorum() throws IOException {
    for (long size : sizes) {
      Files.delete(pack.resolve("log/cosignatures/" + size + ".note"));
    }
    PackVerification v = AuditPack.verify(pack, PackFixtures.SIGNER.verifier(), policy(1, W1));
    assertThat(v.problems())
        .extracting(PackProblem::kind)
        .contains(PackProblem.Kind.FILE_MISSING, PackProblem.Kind.LOG);
    assertThat(v.problems())
        .filteredOn(p -> p.kind() == PackProblem.Kind.LOG)
        .singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo("log/cosignatures"));
  }
}
