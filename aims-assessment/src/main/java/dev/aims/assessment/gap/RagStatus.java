package dev.aims.assessment.gap;

/** A red, amber or green verdict, worst first. */
public enum RagStatus {
  /** A required kind of record is absent: nothing shows the requirement is met. */
  RED("🔴", "red"),
  /** Records exist but are incomplete, out of date or inconsistent. */
  AMBER("🟡", "amber"),
  /** The records show the requirement is met; nothing is missing. */
  GREEN("🟢", "green");

  private final String symbol;
  private final String label;

  RagStatus(String symbol, String label) {
    this.symbol = symbol;
    this.label = label;
  }

  /** Returns the status as a coloured circle: 🔴, 🟡 or 🟢. */
  public String symbol() {
    return symbol;
  }

  /** Returns the status in lower-case words: red, amber, green. */
  public String label() {
    return label;
  }

  /** Returns the worse of this status and {@code other}. */
  public RagStatus worst(RagStatus other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
