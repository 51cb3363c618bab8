package dev.aims.oscal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class OscalIdsTest {
  @Test
  void nameBased_matchesRfc9562sExampleForVersion5() {
    // RFC 9562, appendix A.4: "www.example.com" in the DNS namespace.
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertThat(OscalIds.nameBased(dns, "www.example.com"))
        .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
  }

  @Test
  void of_isStable_distinct_andVersion5() {
    String a = OscalIds.of("ssp", "implemented-requirement", "A.6.2.8");
    assertThat(a).isEqualTo(OscalIds.of("ssp/implemented-requirement/A.6.2.8"));
    assertThat(a).isNotEqualTo(OscalIds.of("ssp", "implemented-requirement", "A.6.2.6"));
    assertThat(UUID.fromString(a).version()).isEqualTo(5);
    assertThat(a).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void theSchemas_areOnTheTestClassPath_andRejectAnEmptyCatalog() {
    for (String model : OscalSchemas.MODELS) {
      assertThat(OscalSchemas.violations(model, "{}")).as(model).isNotEmpty();
    }
  }
}
