package dev.aims.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The file store's layout stays inside aims-evidence: no other module's main code refers to this
 * package (the benchmarks, which write synthetic node files and are never deployed, excepted).
 */
class InternalPackageTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void noOtherModulesMainCode_usesTheInternalPackage() throws IOException {
    List<Path> modules;
    try (Stream<Path> s = Files.list(ROOT)) {
      modules =
          s.filter(m -> Files.isDirectory(m.resolve("src/main/java")))
              .filter(m -> !m.getFileName().toString().equals("aims-evidence"))
              .filter(m -> !m.getFileName().toString().equals("aims-benchmarks"))
              .toList();
    }
    // The check would pass vacuously if the modules were not found where the build puts them.
    assertThat(modules.stream().map(m -> m.getFileName().toString()))
        .contains("aims-core", "aims-audit", "aims-cli", "aims-examples");
    List<String> users = new ArrayList<>();
    for (Path module : modules) {
      try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          if (Files.readString(f).contains("dev.aims.evidence.internal")) {
            users.add(ROOT.relativize(f).toString());
          }
        }
      }
    }
    assertThat(users).isEmpty();
  }
}
