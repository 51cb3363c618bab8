package dev.aims.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AimsJsonCoercionTest {
  enum Level {
    LOW,
    HIGH
  }

  /** One field of every scalar kind that AIMS records hold. */
  record Fields(
      Integer count,
      Long total,
      BigDecimal amount,
      Boolean flag,
      String text,
      Optional<String> note,
      Level level,
      LocalDate day,
      Instant at,
      Period every,
      List<String> names) {}

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("count", "4.7"),
        Arguments.of("count", "\"4\""),
        Arguments.of("count", "true"),
        Arguments.of("count", "\"\""),
        Arguments.of("total", "4.0"),
        Arguments.of("total", "\"12\""),
        Arguments.of("amount", "\"3.5\""),
        Arguments.of("amount", "false"),
        Arguments.of("flag", "\"true\""),
        Arguments.of("flag", "1"),
        Arguments.of("flag", "0"),
        Arguments.of("text", "42"),
        Arguments.of("text", "4.2"),
        Arguments.of("text", "true"),
        Arguments.of("text", "[\"a\"]"),
        Arguments.of("text", "{}"),
        Arguments.of("note", "42"),
        Arguments.of("note", "false"),
        Arguments.of("level", "1"),
        Arguments.of("level", "true"),
        Arguments.of("level", "\"\""),
        Arguments.of("day", "20260131"),
        Arguments.of("day", "[2026,1,31]"),
        Arguments.of("day", "\"\""),
        Arguments.of("at", "1767225600"),
        Arguments.of("at", "1.7672256E9"),
        Arguments.of("every", "6"),
        Arguments.of("names", "\"a\""),
        Arguments.of("names", "[1]"),
        Arguments.of("names", "[true]"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("refused")
  void readValue_refusesAValueOfAnotherJsonType(String field, String json) {
    assertThatThrownBy(
            () -> AimsJson.mapper().readValue("{\"" + field + "\":" + json + "}", Fields.class))
        .isInstanceOf(MismatchedInputException.class)
        .satisfies(
            e ->
                assertThat(((MismatchedInputException) e).getPath())
                    .first()
                    .satisfies(r -> assertThat(r.getFieldName()).isEqualTo(field)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("accepted")
  void readValue_acceptsEachValueInItsOwnJsonType(String field, String json, Object expected)
      throws Exception {
    Fields f = AimsJson.mapper().readValue("{\"" + field + "\":" + json + "}", Fields.class);
    Object actual = Fields.class.getMethod(field).invoke(f);
    assertThat(actual).isEqualTo(expected);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("count", "4", 4),
        Arguments.of("total", "12", 12L),
        Arguments.of("amount", "3.5", new BigDecimal("3.5")),
        Arguments.of("amount", "100", new BigDecimal("100")),
        Arguments.of("flag", "true", true),
        Arguments.of("text", "\"42\"", "42"),
        Arguments.of("note", "\"n\"", Optional.of("n")),
        Arguments.of("level", "\"HIGH\"", Level.HIGH),
        Arguments.of("day", "\"2026-01-31\"", LocalDate.of(2026, 1, 31)),
        Arguments.of("at", "\"2026-01-01T00:00:00Z\"", Instant.parse("2026-01-01T00:00:00Z")),
        Arguments.of("every", "\"P6M\"", Period.ofMonths(6)),
        Arguments.of("names", "[\"a\",\"b\"]", List.of("a", "b")));
  }
}
