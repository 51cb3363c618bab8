package dev.aims.assessment.roadmap;

/** When an action of the roadmap is due, counted from the roadmap's start. */
public enum Horizon {
  /** Within 30 days. */
  DAYS_30("30 days", 30),
  /** Within 60 days. */
  DAYS_60("60 days", 60),
  /** Within 90 days. */
  DAYS_90("90 days", 90),
  /** Within the year: lasting improvements after the urgent work. */
  STRATEGIC("Strategic", 365);

  private final String label;
  private final int days;

  Horizon(String label, int days) {
    this.label = label;
    this.days = days;
  }

  /** Returns the horizon in words, e.g. {@code 30 days}. */
  public String label() {
    return label;
  }

  /** Returns the number of days from the start by which actions are due. */
  public int days() {
    return days;
  }
}
