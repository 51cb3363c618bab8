package dev.aims.audit.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AuditPack#inside}: no name ever resolves to a file outside the pack. */
class AuditPackPropertiesTest {
  @TempDir Path tmp;

  @Test
  void inside_refusesEveryNameThatLeavesThePack() {
    Path root = tmp.resolve("pack");
    for (String bad :
        List.of("../x.json", "a/../../x.json", "/etc/passwd", "", ".", "a/..", "records/../..")) {
      assertThatThrownBy(() -> AuditPack.inside(root, bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining("into the pack: it is not a file name inside it");
    }
    assertThat(AuditPack.inside(root, "records/systems/a.json"))
        .isEqualTo(root.toAbsolutePath().resolve("records/systems/a.json"));
  }

  @Test
  void inside_neverResolvesOutsideThePack_forAnyMixOfSegments() {
    Path root = tmp.resolve("pack").toAbsolutePath();
    List<String> segments = List.of("a", "b.json", "..", ".", "", "records", "...", "..a");
    qt().withExamples(2000)
        .forAll(lists().of(integers().between(0, segments.size() - 1)).ofSizeBetween(1, 6))
        .checkAssert(
            picks -> {
              String name = picks.stream().map(segments::get).collect(Collectors.joining("/"));
              Path resolved;
              try {
                resolved = AuditPack.inside(root, name);
              } catch (IllegalArgumentException e) {
                return;
              }
              assertThat(resolved.startsWith(root)).as(name).isTrue();
              assertThat(resolved).as(name).isNotEqualTo(root);
              for (Path segment : root.relativize(resolved)) {
                assertThat(segment.toString()).as(name).isNotEqualTo("..");
              }
            });
  }
}
