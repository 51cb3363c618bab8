package dev.aims.cli;

import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.LogFixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCommandTest {
  @TempDir Path tmp;

  @Test
  void verify_onAnEmptyFolder_saysItIsNotAPack() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("empty"));
    Run r = run("pack", "verify", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            "FAILED: "
                + dir
                + " is not an audit pack: no MANIFEST; expected a directory as 'aims export"
                + " --out' writes it (MANIFEST, log.vkey, log/, records/, reports/)")
        .doesNotContain("Exception");
  }

  @Test
  void verify_onALogDirectory_pointsToAimsVerify() throws IOException {
    LogFixtures f = new LogFixtures(tmp);
    Run r = run("pack", "verify", f.log.toString(), "--key", f.vkey.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(f.log + " is not an audit pack: no MANIFEST")
        .contains("it is an evidence log directory: verify it with 'aims verify " + f.log);
  }

  @Test
  void verify_onAFileOrNothing_saysSo() throws IOException {
    Path file = Files.writeString(tmp.resolve("file.txt"), "x");
    Run r = run("pack", "verify", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(file + " is not an audit pack: not a directory");
    Path none = tmp.resolve("none");
    Run n = run("pack", "verify", none.toString());
    assertThat(n.code()).isEqualTo(2);
    assertThat(n.err()).contains(none + " does not exist; expected an audit pack directory");
  }
}
