package dev.aims.assessment.risk;

/**
 * Thrown when a {@link RiskMatrix} is configured wrongly; names the setting and the value that is
 * wrong. It is raised by {@link RiskMatrix.Builder#build()}, never by scoring.
 */
public class InvalidMatrixException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String value;

  /**
   * Creates the exception.
   *
   * @param setting the builder setting that is wrong, e.g. {@code likelihoodScale}
   * @param value the value given, as text
   * @param problem what is wrong with it, in words
   */
  public InvalidMatrixException(String setting, String value, String problem) {
    super("risk matrix " + setting + " " + value + ": " + problem);
    this.setting = setting;
    this.value = value;
  }

  /** Returns the builder setting that is wrong, e.g. {@code bands}. */
  public String setting() {
    return setting;
  }

  /** Returns the value given for the setting, as text. */
  public String value() {
    return value;
  }
}
