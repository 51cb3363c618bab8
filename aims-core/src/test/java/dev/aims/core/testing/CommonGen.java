package dev.aims.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of the building blocks of AIMS records: text, ids, dates, enums and
 * collections. Test code of any module may reuse them.
 */
public final class CommonGen {
  // Letters that JSON must escape or encode (quote, backslash, control characters, non-ASCII,
  // a character outside the BMP) so that round trips exercise the encoder.
  private static final int[] CODE_POINTS =
      "abcXYZ019 -_.,;:'\"\\/\n\t\u00e9\u00df\u4e2d\u0416\ud83d\ude00".codePoints().toArray();
  private static final String SLUG_FIRST = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String SLUG_REST = SLUG_FIRST + "._-";
  private static final String ID_FIRST = SLUG_FIRST + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ID_REST = ID_FIRST + "._-";
  private static final long FIRST_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
  private static final long LAST_DAY = LocalDate.of(2099, 12, 31).toEpochDay();

  private CommonGen() {}

  /** Returns non-blank text of 1 to 40 code points, starting with a letter. */
  public static Gen<String> text() {
    return in -> {
      int length = integers().between(0, 39).generate(in);
      StringBuilder s = new StringBuilder().append((char) ('a' + pick(in, 26)));
      for (int i = 0; i < length; i++) {
        s.appendCodePoint(CODE_POINTS[pick(in, CODE_POINTS.length)]);
      }
      return s.toString();
    };
  }

  /** Returns ids that match {@code AiSystem.ID_PATTERN}, 1 to 64 characters. */
  public static Gen<String> slug() {
    return in -> {
      int length = integers().between(0, 63).generate(in);
      StringBuilder s =
          new StringBuilder().append(SLUG_FIRST.charAt(pick(in, SLUG_FIRST.length())));
      for (int i = 0; i < length; i++) {
        s.append(SLUG_REST.charAt(pick(in, SLUG_REST.length())));
      }
      return s.toString();
    };
  }

  /** Returns ids that match {@code Invariants.RECORD_ID}, 1 to 64 characters. */
  public static Gen<String> recordId() {
    return in -> {
      int length = pick(in, 64);
      StringBuilder s = new StringBuilder().append(ID_FIRST.charAt(pick(in, ID_FIRST.length())));
      for (int i = 0; i < length; i++) {
        s.append(ID_REST.charAt(pick(in, ID_REST.length())));
      }
      return s.toString();
    };
  }

  /** Returns distinct clause and Annex A control ids of the catalogue, 0 to {@code max}. */
  public static Gen<List<String>> clauseOrControlIds(int max) {
    List<String> all = new ArrayList<>();
    Catalog.standard().clauses().forEach(c -> all.add(c.id()));
    Catalog.standard().controls().forEach(c -> all.add(c.id()));
    return in -> distinctBy(listOf(oneOf(all.toArray(String[]::new)), max).generate(in), id -> id);
  }

  /** Returns distinct Annex A control ids, 0 to {@code max}. */
  public static Gen<List<String>> controlIds(int max) {
    String[] all = Catalog.standard().controls().stream().map(c -> c.id()).toArray(String[]::new);
    return in -> distinctBy(listOf(oneOf(all), max).generate(in), id -> id);
  }

  /** Returns decimals of 1 to 10 digits with scales from -2 to 4 (e.g. 5E+2, 0.95). */
  public static Gen<BigDecimal> decimal() {
    return in ->
        BigDecimal.valueOf(
            integers().between(-999_999_999, 999_999_999).generate(in), pick(in, 7) - 2);
  }

  /** Returns a day 0 to {@code maxDays} days after {@code day}. */
  public static Gen<LocalDate> onOrAfter(LocalDate day, int maxDays) {
    return in -> day.plusDays(pick(in, maxDays + 1));
  }

  /** Returns dates between 2000-01-01 and 2099-12-31. */
  public static Gen<LocalDate> date() {
    return in -> LocalDate.ofEpochDay(FIRST_DAY + pick(in, (int) (LAST_DAY - FIRST_DAY + 1)));
  }

  /** Returns instants in 2000 to 2099 with nanosecond precision. */
  public static Gen<Instant> instant() {
    return in ->
        date()
            .generate(in)
            .atStartOfDay()
            .toInstant(java.time.ZoneOffset.UTC)
            .plusSeconds(pick(in, 86_400))
            .plusNanos(pick(in, 1_000_000_000));
  }

  /** Returns any value of {@code type}. */
  public static <E extends Enum<E>> Gen<E> enumValue(Class<E> type) {
    E[] values = type.getEnumConstants();
    return in -> values[pick(in, values.length)];
  }

  /** Returns a non-empty subset of the values of {@code type}. */
  public static <E extends Enum<E>> Gen<Set<E>> nonEmptyEnumSet(Class<E> type) {
    return in -> {
      Set<E> set = new LinkedHashSet<>(setOf(enumValue(type), 3).generate(in));
      set.add(enumValue(type).generate(in));
      return set;
    };
  }

  /** Returns lists of 0 to {@code max} values. */
  public static <T> Gen<List<T>> listOf(Gen<T> values, int max) {
    return in -> {
      int size = pick(in, max + 1);
      List<T> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(values.generate(in));
      }
      return list;
    };
  }

  /** Returns sets of 0 to {@code max} values (fewer when values repeat). */
  public static <T> Gen<Set<T>> setOf(Gen<T> values, int max) {
    return in -> new LinkedHashSet<>(listOf(values, max).generate(in));
  }

  /** Returns empty and present optionals, about half each. */
  public static <T> Gen<Optional<T>> optional(Gen<T> values) {
    return in -> pick(in, 2) == 0 ? Optional.empty() : Optional.of(values.generate(in));
  }

  /** Returns true and false. */
  public static Gen<Boolean> bool() {
    return in -> pick(in, 2) == 0;
  }

  /** Returns one of {@code values}. */
  @SafeVarargs
  public static <T> Gen<T> oneOf(T... values) {
    return in -> values[pick(in, values.length)];
  }

  /** Returns {@code values} without the later ones whose {@code key} repeats an earlier one. */
  public static <T> List<T> distinctBy(List<T> values, Function<T, ?> key) {
    Set<Object> seen = new HashSet<>();
    return values.stream().filter(v -> seen.add(key.apply(v))).toList();
  }

  /**
   * Checks that every generated value survives a JSON round trip through {@code AimsJson.mapper()}
   * unchanged (property test helper; 200 examples).
   */
  public static <T> void checkJsonRoundTrip(Gen<T> values, Class<T> type) {
    qt().withExamples(200)
        .forAll(values)
        .checkAssert(
            v -> {
              String json;
              T back;
              try {
                json = AimsJson.mapper().writeValueAsString(v);
                back = AimsJson.mapper().readValue(json, type);
              } catch (JsonProcessingException e) {
                throw new AssertionError("JSON round trip failed for " + v, e);
              }
              assertThat(back).as(json).isEqualTo(v);
            });
  }

  /**
   * Checks that every generated value satisfies its declared constraints, so that generators stay
   * usable as sources of valid records (property test helper; 100 examples).
   */
  public static <T> void checkValid(Gen<T> values) {
    qt().withExamples(100)
        .forAll(values)
        .checkAssert(v -> assertThat(RecordValidator.violations(v)).as("%s", v).isEmpty());
  }

  /**
   * Runs {@code build}, asserts that it throws an {@link InvalidRecordException}, and returns the
   * exception's violations for further assertions.
   */
  public static List<Violation> rejected(ThrowingCallable build) {
    Throwable thrown = catchThrowable(build);
    assertThat(thrown).isInstanceOf(InvalidRecordException.class);
    return ((InvalidRecordException) thrown).violations();
  }

  /** Returns a uniformly chosen index below {@code bound}. */
  public static int pick(org.quicktheories.core.RandomnessSource in, int bound) {
    return integers().between(0, bound - 1).generate(in);
  }
}
