package dev.aims.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AimsJsonTest {
  enum Level {
    LOW,
    HIGH
  }

  record Sample(Level level, LocalDate date) {}

  private final ObjectMapper mapper = AimsJson.mapper();

  @Test
  void readValue_rejectsEnumOrdinals() {
    assertThatThrownBy(
            () -> mapper.readValue("{\"level\":1,\"date\":\"2026-01-02\"}", Sample.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("level");
  }

  @Test
  void readValue_rejectsUnknownPropertiesAndDuplicateKeys() {
    assertThatThrownBy(
            () -> mapper.readValue("{\"level\":\"LOW\",\"levle\":\"HIGH\"}", Sample.class))
        .hasMessageContaining("levle");
    assertThatThrownBy(
            () -> mapper.readValue("{\"level\":\"LOW\",\"level\":\"HIGH\"}", Sample.class))
        .hasMessageContaining("Duplicate field 'level'");
  }

  @Test
  void dates_areIsoStrings() throws Exception {
    String json = mapper.writeValueAsString(new Sample(Level.HIGH, LocalDate.of(2026, 1, 2)));
    assertThat(mapper.readValue(json, Map.class)).containsEntry("date", "2026-01-02");
    assertThat(mapper.readValue(json, Sample.class))
        .isEqualTo(new Sample(Level.HIGH, LocalDate.of(2026, 1, 2)));
  }
}
