package dev.aims.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ranks real ids by how near they are to an id that is not in the catalogue.
 *
 * <p>Ids are compared segment by segment ({@code A.6.2.1} is {@code A}, {@code 6}, {@code 2},
 * {@code 1}) and numbers as numbers, because plain edit distance ranks {@code A.6.2.1} as close to
 * {@code A.6.1.2} as to {@code A.6.2.2}, while a reader who typed it almost always meant a sibling.
 * The order is: longest run of equal leading segments, then the nearest depth (so {@code 6.1.5}
 * suggests {@code 6.1.4} before its parent {@code 6.1}), then the smallest numeric step in the
 * first differing segment, then edit distance, then catalogue order.
 */
final class IdNearness {
  private static final Pattern SEPARATORS = Pattern.compile("[.\\s]+");

  private IdNearness() {}

  static List<String> nearest(String wanted, Collection<String> candidates, int limit) {
    List<String> w = segments(wanted);
    String wantedKey = normalise(wanted);
    List<Ranked> ranked = new ArrayList<>();
    for (String c : candidates) {
      List<String> s = segments(c);
      ranked.add(
          new Ranked(
              c,
              commonPrefix(w, s),
              Math.abs(s.size() - w.size()),
              firstStep(w, s),
              editDistance(wantedKey, normalise(c))));
    }
    // List.sort is stable, so equally near candidates keep the catalogue's order.
    ranked.sort(
        Comparator.comparingInt((Ranked r) -> -r.common)
            .thenComparingInt(r -> r.depthDifference)
            .thenComparingInt(r -> r.step)
            .thenComparingInt(r -> r.edits));
    return ranked.stream().limit(limit).map(r -> r.id).toList();
  }

  private record Ranked(String id, int common, int depthDifference, int step, int edits) {}

  private static String normalise(String id) {
    return id.trim().toUpperCase(Locale.ROOT);
  }

  private static List<String> segments(String id) {
    List<String> out = new ArrayList<>();
    for (String s : SEPARATORS.split(normalise(id), -1)) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static int commonPrefix(List<String> a, List<String> b) {
    int n = 0;
    while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
      n++;
    }
    return n;
  }

  /** The distance between the first segments that differ: numeric when both are numbers. */
  private static int firstStep(List<String> a, List<String> b) {
    int i = commonPrefix(a, b);
    if (i >= a.size() || i >= b.size()) {
      return 0;
    }
    String x = a.get(i);
    String y = b.get(i);
    if (isNumber(x) && isNumber(y)) {
      return Math.abs(Integer.parseInt(x) - Integer.parseInt(y));
    }
    return editDistance(x, y) * 100;
  }

  private static boolean isNumber(String s) {
    return s.length() <= 6 && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
