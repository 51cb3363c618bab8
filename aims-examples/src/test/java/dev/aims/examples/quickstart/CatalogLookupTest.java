package dev.aims.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CatalogLookupTest {
  @Test
  void print_showsControlItsLinksThePairAndTheNearestIds() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CatalogLookup.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .startsWith("A.6.2.8 AI system recording of event logs\n")
        .contains("  evidence: ")
        .contains("nist-ai-rmf MEASURE 2.4")
        .contains("8.4 AI system impact assessment")
        .contains("nearest: A.6.2.2, A.6.2.3, A.6.2.4");
  }
}
