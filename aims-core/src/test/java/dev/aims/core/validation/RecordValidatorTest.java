package dev.aims.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.json.AimsJson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.immutables.value.Value;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
  @Value.Immutable
  @AimsStyle
  @JsonSerialize(as = ImmutableSample.class)
  @JsonDeserialize(builder = Sample.Builder.class)
  abstract static class Sample {
    @NotBlank
    abstract String name();

    @Positive
    abstract int count();

    @Size(min = 1)
    abstract List<@NotBlank String> tags();

    static Builder builder() {
      return new Builder();
    }

    static final class Builder extends ImmutableSample.Builder {}
  }

  @Value.Immutable
  @AimsStyle
  abstract static class Holder {
    @NotBlank
    abstract String label();

    abstract List<@NotBlank String> notes();

    abstract List<@Valid Sample> samples();

    static Builder builder() {
      return new Builder();
    }

    static final class Builder extends ImmutableHolder.Builder {}
  }

  @Test
  void ownFieldViolations_checksOwnFieldsAndElementsButNotNestedRecords() {
    Sample bad = Sample.builder().name(" ").count(1).addTags("t").build();
    Holder holder = Holder.builder().label("").addNotes(" ").addSamples(bad).build();
    assertThat(RecordValidator.ownFieldViolations(holder))
        .extracting(Violation::path)
        .containsExactly("label", "notes[0].<list element>");
    assertThat(RecordValidator.violations(holder))
        .extracting(Violation::path)
        .containsExactly("label", "notes[0].<list element>", "samples[0].name");
  }

  @Test
  void validate_reportsEveryViolationWithPathAndValue() {
    Sample bad = Sample.builder().name(" ").count(-3).build();
    assertThatThrownBy(() -> RecordValidator.validate(bad, "Sample 'x'"))
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::path)
                  .containsExactly("count", "name", "tags");
              assertThat(e.violations())
                  .extracting(Violation::constraint)
                  .containsExactly("Positive", "NotBlank", "Size");
              assertThat(e.violations().get(0).value()).isEqualTo("'-3'");
              assertThat(e.getMessage()).startsWith("Sample 'x' is invalid (3 violations)");
            });
  }

  @Test
  void validate_reportsContainerElementPath() {
    Sample bad = Sample.builder().name("n").count(1).addTags("ok", "").build();
    assertThat(RecordValidator.violations(bad))
        .extracting(Violation::path)
        .containsExactly("tags[1].<list element>");
  }

  @Test
  void validate_returnsValidRecord() throws Exception {
    Sample ok = Sample.builder().name("n").count(1).addTags("t").build();
    assertThat(RecordValidator.validate(ok, "ok")).isSameAs(ok);
    String json = AimsJson.mapper().writeValueAsString(ok);
    assertThat(AimsJson.mapper().readValue(json, Sample.class)).isEqualTo(ok);
  }
}
