package dev.aims.cli;

import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.LogFixtures.Run;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.tiles.TileLogVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir Path tmp;
  LogFixtures f;

  @BeforeEach
  void writeLog() throws IOException {
    f = new LogFixtures(tmp);
  }

  @Test
  void export_writesTilesThatVerifyWithTheSameEntriesAndRoot() throws IOException {
    Path out = tmp.resolve("tiles");
    Run r = run("export", f.log.toString(), "--tiles", out.toString(), "--key", f.skey.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("exported 8 entries of example.com/aims/credit to ");

    Run verify = run("verify", out.toString(), "--key", f.vkey.toString());
    assertThat(verify.code()).isZero();
    assertThat(verify.out()).startsWith("OK: tlog-tiles log ").contains(": 8 entries, ");

    List<byte[]> exported = new ArrayList<>();
    TileLogVerifier.Result result =
        TileLogVerifier.verify(out, LogFixtures.SIGNER.verifier(), (i, e) -> exported.add(e));
    Checkpoint cp = result.checkpoint();
    try (FileStore store = FileStore.openReadOnly(f.log)) {
      assertThat(cp.origin()).isEqualTo("example.com/aims/credit");
      assertThat(cp.root()).isEqualTo(store.root());
      for (int i = 0; i < 8; i++) {
        assertThat(exported.get(i)).isEqualTo(store.entry(i));
      }
    }
  }

  @Test
  void export_thenAChangedBundle_failsVerification() throws IOException {
    Path out = tmp.resolve("tiles");
    assertThat(
            run("export", f.log.toString(), "--tiles", out.toString(), "--key", f.skey.toString())
                .code())
        .isZero();
    Path bundle = out.resolve("tile/entries/000.p/8");
    byte[] b = Files.readAllBytes(bundle);
    b[b.length - 2] ^= 1;
    Files.write(bundle, b);
    Run verify = run("verify", out.toString(), "--key", f.vkey.toString());
    assertThat(verify.code()).isEqualTo(1);
    assertThat(verify.out()).contains("TILES tile/").contains("entry 7").contains("TILE_HASH");
  }

  @Test
  void export_refusesANonEmptyTargetOrABadKey() throws IOException {
    Path out = tmp.resolve("busy");
    Files.createDirectories(out);
    Files.writeString(out.resolve("x"), "x");
    Run busy =
        run("export", f.log.toString(), "--tiles", out.toString(), "--key", f.skey.toString());
    assertThat(busy.code()).isEqualTo(2);
    assertThat(busy.err()).contains("is not empty");
    Run badKey =
        run(
            "export",
            f.log.toString(),
            "--tiles",
            tmp.resolve("t").toString(),
            "--key",
            f.vkey.toString());
    assertThat(badKey.code()).isEqualTo(2);
    assertThat(badKey.err()).contains("--key: not a signer key");
  }
}
