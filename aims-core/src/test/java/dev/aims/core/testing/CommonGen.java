package dev.aims.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.core.json.AimsJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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

  /** Returns a uniformly chosen index below {@code bound}. */
  static int pick(org.quicktheories.core.RandomnessSource in, int bound) {
    return integers().between(0, bound - 1).generate(in);
  }
}
