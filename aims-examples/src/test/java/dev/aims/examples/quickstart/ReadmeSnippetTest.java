package dev.aims.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's quick start is the code of {@link QuickStart}, token for token. */
class ReadmeSnippetTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void readmeQuickStart_isTheCompiledQuickStart() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int at = readme.indexOf("```java\nPath dir = Path.of(\"evidence\");");
    assertThat(at).as("README quick-start block").isNotNegative();
    String block = readme.substring(at + "```java\n".length(), readme.indexOf("```", at + 7));
    String fromReadme =
        Arrays.stream(block.split("\n"))
            .filter(l -> !l.startsWith("Path dir =") && !l.startsWith("NoteSigner signer ="))
            .collect(Collectors.joining("\n"));

    String source =
        Files.readString(
            ROOT.resolve(
                "aims-examples/src/main/java/dev/aims/examples/quickstart/QuickStart.java"));
    String marked =
        source.substring(
            source.indexOf("// --- README: evidence ---") + "// --- README: evidence ---".length(),
            source.indexOf("// --- README: end ---"));

    assertThat(tokens(fromReadme)).isEqualTo(tokens(marked));
  }

  /** Drops comments and whitespace, so that only layout may differ. */
  private static String tokens(String code) {
    return code.replaceAll("//[^\n]*", "").replaceAll("\\s+", "");
  }
}
