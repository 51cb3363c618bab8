package dev.aims.core.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ISO/IEC 42001:2023 catalogue. Immutable and thread-safe; load it once with {@link
 * #standard()}.
 */
public final class Catalog {
  private static final Catalog STANDARD = new Catalog();

  private final Map<String, Control> controls = new LinkedHashMap<>();

  private Catalog() {
    String[][] rows = {
      {"A.2.2", "AI policy"},
      {"A.2.3", "Alignment with other organizational policies"},
      {"A.2.4", "Review of the AI policy"},
      {"A.3.2", "AI roles and responsibilities"},
      {"A.3.3", "Reporting of concerns"},
      {"A.4.2", "Resource documentation"},
      {"A.4.3", "Data resources"},
      {"A.4.4", "Tooling resources"},
      {"A.4.5", "System and computing resources"},
      {"A.4.6", "Human resources"},
      {"A.5.2", "AI system impact assessment process"},
      {"A.5.3", "Documentation of AI system impact assessments"},
      {"A.5.4", "Assessing AI system impact on individuals or groups of individuals"},
      {"A.5.5", "Assessing societal impacts of AI systems"},
      {"A.6.1.2", "Objectives for responsible development of AI system"},
      {"A.6.1.3", "Processes for responsible AI system design and development"},
      {"A.6.2.2", "AI system requirements and specification"},
      {"A.6.2.3", "Documentation of AI system design and development"},
      {"A.6.2.4", "AI system verification and validation"},
      {"A.6.2.5", "AI system deployment"},
      {"A.6.2.6", "AI system operation and monitoring"},
      {"A.6.2.7", "AI system technical documentation"},
      {"A.6.2.8", "AI system recording of event logs"},
      {"A.7.2", "Data for development and enhancement of AI system"},
      {"A.7.3", "Acquisition of data"},
      {"A.7.4", "Quality of data for AI systems"},
      {"A.7.5", "Data provenance"},
      {"A.7.6", "Data preparation"},
      {"A.8.2", "System documentation and information for users"},
      {"A.8.3", "External reporting"},
      {"A.8.4", "Communication of incidents"},
      {"A.8.5", "Information for interested parties"},
      {"A.9.2", "Processes for responsible use of AI systems"},
      {"A.9.3", "Objectives for responsible use of AI system"},
      {"A.9.4", "Intended use of the AI system"},
      {"A.10.2", "Allocating responsibilities"},
      {"A.10.3", "Suppliers"},
      {"A.10.4", "Customers"},
    };
    for (String[] row : rows) {
      controls.put(row[0].toUpperCase(Locale.ROOT), new Control(row[0], row[1]));
    }
  }

  /** Returns the catalogue of ISO/IEC 42001:2023. */
  public static Catalog standard() {
    return STANDARD;
  }

  /** Returns the 38 Annex A controls in the standard's order. */
  public List<Control> controls() {
    return List.copyOf(controls.values());
  }

  /** Returns the control with this id (case ignored), if the standard has one. */
  public Optional<Control> findControl(String id) {
    return Optional.ofNullable(controls.get(id.trim().toUpperCase(Locale.ROOT)));
  }

  /** Returns whether {@code id} names an Annex A control (case ignored). */
  public boolean isControl(String id) {
    return findControl(id).isPresent();
  }

  /**
   * Returns the control with this id (case ignored).
   *
   * @throws UnknownIdException naming the nearest real ids when the standard has no such control
   */
  public Control control(String id) {
    return findControl(id)
        .orElseThrow(() -> new UnknownIdException("control", id, nearest(id, controls.keySet())));
  }

  private static List<String> nearest(String id, Iterable<String> candidates) {
    String wanted = id.trim().toUpperCase(Locale.ROOT);
    List<String> all = new ArrayList<>();
    candidates.forEach(all::add);
    all.sort(Comparator.comparingInt((String c) -> distance(wanted, c)).thenComparing(c -> c));
    return all.subList(0, Math.min(3, all.size()));
  }

  private static int distance(String a, String b) {
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
