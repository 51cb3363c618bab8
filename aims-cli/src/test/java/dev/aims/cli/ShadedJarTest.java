package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar that {@code ./aims} starts: the command line without the demo, whose model
 * (Tribuo) lives in aims-examples. The build runs this test in the {@code verify} phase, after the
 * jar is written; without the jar it is skipped on a developer's machine and fails in CI (the
 * environment variable {@code CI} set to {@code true}).
 */
class ShadedJarTest {
  static final Path JAR = Path.of("target/aims-cli-0.1.0-SNAPSHOT-all.jar");

  static List<String> entries;

  @BeforeAll
  static void readJar() throws IOException {
    boolean present = Files.isRegularFile(JAR);
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertThat(present).as("CI=true but %s was not built (mvn verify builds it)", JAR).isTrue();
    }
    assumeTrue(present, JAR + " was not built");
    try (JarFile jar = new JarFile(JAR.toFile())) {
      entries = jar.stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void jar_holdsTheCommandLine_andNoTribuoClass() {
    assertThat(entries).contains("dev/aims/cli/Aims.class", "dev/aims/cli/DemoCommand.class");
    assertThat(entries).noneMatch(e -> e.startsWith("org/tribuo/"));
    assertThat(entries).noneMatch(e -> e.startsWith("dev/aims/examples/"));
  }
}
