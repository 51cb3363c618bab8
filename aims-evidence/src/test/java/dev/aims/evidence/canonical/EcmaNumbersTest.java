package dev.aims.evidence.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ECMAScript number serialisation, checked against the IEEE 754 cases of RFC 8785 appendix B. */
class EcmaNumbersTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void format_matchesRfc8785AppendixB(String bits, String expected) {
    double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertThat(EcmaNumbers.format(d)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1.0, 1",
    "-1.5, -1.5",
    "0.1, 0.1",
    "100, 100",
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "1.5e-7, 1.5e-7",
    "1e-6, 0.000001",
    "123e-20, 1.23e-18",
    "2e-3, 0.002",
    "4.5, 4.5",
    "5e-324, 5e-324"
  })
  void format_printsPlainBetweenOneMillionthAndTenToThe21(double d, String expected) {
    assertThat(EcmaNumbers.format(d)).isEqualTo(expected);
  }

  @Test
  void format_givesShorterDigitsThanJdk17WhereItIsNotShortest() {
    // JDK 17 prints 2.0E-3 correctly but 1.0E23 as "1.0E23" and some values with 18 digits;
    // 2^-44 is printed by Double.toString with more digits than needed.
    double d = Math.scalb(1.0, -44);
    String ours = EcmaNumbers.format(d);
    assertThat(Double.parseDouble(ours)).isEqualTo(d);
    assertThat(ours).isEqualTo("5.684341886080802e-14");
  }

  @Test
  void format_rejectsNanAndInfinity() {
    assertThatThrownBy(() -> EcmaNumbers.format(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EcmaNumbers.format(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
