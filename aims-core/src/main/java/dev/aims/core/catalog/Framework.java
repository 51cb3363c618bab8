package dev.aims.core.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The frameworks that ISO/IEC 42001 is crosswalked to; each has one bundled {@link Crosswalk}. */
public enum Framework {
  /** NIST AI Risk Management Framework 1.0 (NIST AI 100-1), at subcategory level. */
  NIST_AI_RMF("nist-ai-rmf", "NIST AI RMF 1.0 (NIST AI 100-1)"),
  /** ISO/IEC 27001:2022, clauses and Annex A controls. */
  ISO_27001("iso-27001", "ISO/IEC 27001:2022"),
  /** ISO 9001:2015, clause level. */
  ISO_9001("iso-9001", "ISO 9001:2015"),
  /** ISO 14001:2015, clause level. */
  ISO_14001("iso-14001", "ISO 14001:2015"),
  /** The EU AI Act, Regulation (EU) 2024/1689, at article level. */
  EU_AI_ACT("eu-ai-act", "EU AI Act (Regulation (EU) 2024/1689)"),
  /** ISO 31000:2018, risk management guidelines, at clause level. */
  ISO_31000("iso-31000", "ISO 31000:2018 (risk management guidelines)"),
  /** ISO/IEC 23894:2023, guidance on AI risk management, at clause and annex level. */
  ISO_IEC_23894("iso-23894", "ISO/IEC 23894:2023 (AI risk management guidance)"),
  /** ISO/IEC 27701:2019, privacy information management, where privacy-related controls meet. */
  ISO_IEC_27701("iso-27701", "ISO/IEC 27701:2019 (privacy information management)");

  private final String key;
  private final String title;

  Framework(String key, String title) {
    this.key = key;
    this.title = title;
  }

  /**
   * Returns the short key used on the command line and in resource names, e.g. {@code iso-9001}.
   */
  public String key() {
    return key;
  }

  /** Returns the framework's name and edition. */
  public String title() {
    return title;
  }

  /**
   * Returns the framework with this key or enum name, ignoring case.
   *
   * @throws UnknownIdException naming every known key, nearest first, when there is none
   */
  public static Framework fromKey(String key) {
    for (Framework f : values()) {
      if (f.key.equalsIgnoreCase(key) || f.name().equalsIgnoreCase(key)) {
        return f;
      }
    }
    List<String> keys = Arrays.stream(values()).map(Framework::key).toList();
    throw UnknownIdException.unknownCrosswalk(
        key, keys, IdNearness.nearest(key.toLowerCase(Locale.ROOT), keys, keys.size()));
  }
}
