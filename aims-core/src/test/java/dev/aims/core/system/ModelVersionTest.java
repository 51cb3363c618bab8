package dev.aims.core.system;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import org.junit.jupiter.api.Test;

class ModelVersionTest {
  @Test
  void of_rejectsBlankNameAndVersion_namingBoth() {
    assertThat(rejected(() -> ModelVersion.of("", "")))
        .extracting(Violation::path, Violation::constraint, Violation::value)
        .containsExactly(tuple("name", "NotBlank", "''"), tuple("version", "NotBlank", "''"));
  }

  @Test
  void builder_rejectsBlankSupplier() {
    assertThat(
            rejected(
                () ->
                    ModelVersion.builder()
                        .name("credit-gbm")
                        .version("2.3.1")
                        .supplier(" ")
                        .build()))
        .extracting(Violation::path)
        .containsExactly("supplier");
  }

  @Test
  void json_rejectsBlankVersionThroughTheBuilder() {
    ValueInstantiationException e =
        catchThrowableOfType(
            () ->
                AimsJson.mapper()
                    .readValue("{\"name\":\"credit-gbm\",\"version\":\" \"}", ModelVersion.class),
            ValueInstantiationException.class);
    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            ire ->
                assertThat(ire.violations())
                    .extracting(Violation::path)
                    .containsExactly("version"));
  }

  @Test
  void of_buildsAValidModel() {
    ModelVersion m = ModelVersion.of("credit-gbm", "2.3.1");
    assertThat(m.name()).isEqualTo("credit-gbm");
    assertThat(m.supplier()).isEmpty();
  }
}
