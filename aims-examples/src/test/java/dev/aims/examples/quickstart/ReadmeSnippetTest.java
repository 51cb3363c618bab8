package dev.aims.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  @Test
  void readmePostgresSnippet_isTheCompiledFleetInstance() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int at = readme.indexOf("```java\nHikariConfig config = new HikariConfig();");
    assertThat(at).as("README PostgreSQL block").isNotNegative();
    assertThat(readme.lastIndexOf("### Many instances: one log on PostgreSQL", at))
        .as("the block is in the section on many instances")
        .isGreaterThan(readme.lastIndexOf("\n### ", at - 1) - 1);
    String block = readme.substring(at + "```java\n".length(), readme.indexOf("```", at + 7));
    // The example takes the URL and user as arguments; the README shows them as literals.
    String fromReadme =
        Arrays.stream(block.split("\n"))
            .filter(
                l ->
                    !l.startsWith("HikariConfig config =")
                        && !l.startsWith("config.setJdbcUrl(")
                        && !l.startsWith("config.setUsername("))
            .collect(Collectors.joining("\n"));
    String source =
        Files.readString(
            ROOT.resolve("aims-examples/src/main/java/dev/aims/examples/fleet/FleetInstance.java"));
    String start = "// --- README: postgres ---";
    String marked =
        source.substring(
            source.indexOf(start) + start.length(), source.indexOf("// --- README: end ---"));
    assertThat(tokens(fromReadme)).isEqualTo(tokens(marked));
  }

  @Test
  void readmeCatalogueSnippet_isTheCompiledCatalogLookup() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int at = readme.indexOf("```java\nCatalog catalog = Catalog.standard();");
    assertThat(at).as("README catalogue block").isNotNegative();
    assertThat(readme.lastIndexOf("<!-- section: catalogue -->", at))
        .as("the block is in the section on the catalogue, with no heading in between")
        .isGreaterThan(readme.lastIndexOf("\n## ", at));
    String block = readme.substring(at + "```java\n".length(), readme.indexOf("```", at + 7));
    // CatalogLookup prints to the stream it is given, the README to standard output.
    String fromReadme = block.replace("System.out.println(", "out.println(");

    String source =
        Files.readString(
            ROOT.resolve(
                "aims-examples/src/main/java/dev/aims/examples/quickstart/CatalogLookup.java"));
    String start = "// --- README: catalogue ---";
    String marked =
        source.substring(
            source.indexOf(start) + start.length(), source.indexOf("// --- README: end ---"));

    assertThat(tokens(fromReadme)).isEqualTo(tokens(marked));

    // The imports the README lists are those of the snippet's catalogue types.
    Matcher imports =
        Pattern.compile("\\(Imports: `dev\\.aims\\.core\\.catalog\\.\\{([^}]*)}`\\.\\)")
            .matcher(readme.substring(at));
    assertThat(imports.find()).as("README imports line after the catalogue block").isTrue();
    List<String> listed = Arrays.stream(imports.group(1).split(",")).map(String::trim).toList();
    List<String> imported =
        Pattern.compile("(?m)^import dev\\.aims\\.core\\.catalog\\.(\\w+);")
            .matcher(source)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(imported);
  }

  @Test
  void readmeLangChain4jFailClosedSnippet_isTheCompiledChatExample() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int at = readme.indexOf("```java\nEvidenceChatModelListener evidence =");
    assertThat(at).as("README LangChain4j fail-closed block").isNotNegative();
    assertThat(readme.lastIndexOf("#### LangChain4j: `aims-langchain4j`", at))
        .as("the block is in the LangChain4j section")
        .isGreaterThan(readme.lastIndexOf("\n#### ", at - 1) - 1);
    String block = readme.substring(at + "```java\n".length(), readme.indexOf("```", at + 7));
    String source =
        Files.readString(
            ROOT.resolve(
                "aims-examples/src/main/java/dev/aims/examples/langchain4j/ChatExample.java"));
    String start = "// --- README: langchain4j fail-closed ---";
    String marked =
        source.substring(
            source.indexOf(start) + start.length(), source.indexOf("// --- README: end ---"));
    assertThat(tokens(block)).isEqualTo(tokens(marked));
  }

  /** Drops comments and whitespace, so that only layout may differ. */
  private static String tokens(String code) {
    return code.replaceAll("//[^\n]*", "").replaceAll("\\s+", "");
  }
}
