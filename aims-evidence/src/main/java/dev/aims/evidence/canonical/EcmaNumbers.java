package dev.aims.evidence.canonical;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Serialises a double as ECMAScript's Number.prototype.toString does (ECMA-262 section 6.1.6.1.20),
 * which RFC 8785 section 3.2.2.3 requires: the shortest decimal digits that read back as the same
 * double (closest to the exact value when several qualify, even on a tie), printed plainly between
 * 1e-7 and 1e21 and in exponent form outside.
 *
 * <p>JDK 17's {@link Double#toString(double)} does not always give the shortest digits, so the
 * digits are searched here: for each length p from 1 to 17, the two p-digit decimals just below and
 * above the exact value are the only p-digit candidates that can read back as the same double (the
 * set of decimals that do is an interval around the value).
 */
final class EcmaNumbers {
  private static final double TWO_53 = 9007199254740992.0;
  private static final MathContext[] FLOOR = new MathContext[18];
  private static final MathContext[] CEILING = new MathContext[18];

  static {
    for (int p = 1; p <= 17; p++) {
      FLOOR[p] = new MathContext(p, RoundingMode.FLOOR);
      CEILING[p] = new MathContext(p, RoundingMode.CEILING);
    }
  }

  private EcmaNumbers() {}

  /**
   * Returns the p-digit decimal closest to {@code exact} (even last digit on a tie) that reads back
   * as {@code abs}, or null if no p-digit decimal does.
   */
  private static BigDecimal closestRoundTrip(BigDecimal exact, double abs, int p) {
    BigDecimal lo = exact.round(FLOOR[p]);
    BigDecimal hi = exact.round(CEILING[p]);
    boolean loOk = lo.doubleValue() == abs;
    boolean hiOk = hi.doubleValue() == abs;
    if (loOk && hiOk) {
      int cmp = exact.subtract(lo).compareTo(hi.subtract(exact));
      if (cmp != 0) {
        return cmp < 0 ? lo : hi;
      }
      return lo.unscaledValue().testBit(0) ? hi : lo;
    }
    return loOk ? lo : hiOk ? hi : null;
  }

  /** Counts the significant digits of a Double.toString result. */
  private static int significantDigits(String javaText) {
    int e = javaText.indexOf('E');
    String mantissa = e < 0 ? javaText : javaText.substring(0, e);
    int first = -1;
    int last = -1;
    int count = 0;
    for (int i = 0; i < mantissa.length(); i++) {
      char c = mantissa.charAt(i);
      if (c >= '0' && c <= '9') {
        if (first < 0 && c != '0') {
          first = count;
        }
        if (c != '0') {
          last = count;
        }
        count++;
      }
    }
    return first < 0 ? 1 : last - first + 1;
  }

  static String format(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("NaN and Infinity have no JSON form, got " + d);
    }
    if (d == 0) {
      return "0"; // also for -0, as ECMAScript prints it
    }
    double abs = Math.abs(d);
    if (abs < TWO_53 && abs == Math.rint(abs)) {
      // Every integer below 2^53 is exact, so no shorter decimal reads back as it.
      return Long.toString((long) d);
    }
    BigDecimal exact = new BigDecimal(abs);
    // Double.toString always reads back exactly, so its digit count bounds the shortest from
    // above (it is usually the shortest, or one more); and if p digits read back, so do p + 1, so
    // search downwards from it.
    int upper = Math.min(17, significantDigits(Double.toString(abs)));
    BigDecimal best = closestRoundTrip(exact, abs, upper);
    if (best == null) {
      upper = 17;
      best = closestRoundTrip(exact, abs, upper);
    }
    for (int p = upper - 1; p >= 1; p--) {
      BigDecimal shorter = closestRoundTrip(exact, abs, p);
      if (shorter == null) {
        break;
      }
      best = shorter;
    }
    if (best == null) {
      // Unreachable: 17 significant digits always identify a double.
      throw new IllegalStateException("no round-trip digits found for " + d);
    }
    best = best.stripTrailingZeros();
    String digits = best.unscaledValue().toString();
    int k = digits.length();
    int n = k - best.scale();
    StringBuilder sb = new StringBuilder(k + 8);
    if (d < 0) {
      sb.append('-');
    }
    if (k <= n && n <= 21) {
      sb.append(digits);
      for (int z = 0; z < n - k; z++) {
        sb.append('0');
      }
    } else if (0 < n && n <= 21) {
      sb.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      sb.append("0.");
      for (int z = 0; z < -n; z++) {
        sb.append('0');
      }
      sb.append(digits);
    } else {
      int e = n - 1;
      sb.append(digits.charAt(0));
      if (k > 1) {
        sb.append('.').append(digits, 1, k);
      }
      sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return sb.toString();
  }
}
