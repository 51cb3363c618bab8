package dev.aims.core.system;

/**
 * Something an AI system's register entry lacks for A.4.2 resource documentation or for the
 * controls it feeds; see {@link AiSystem#registerGaps()}.
 */
public enum RegisterGap {
  /** No model or model version is recorded (A.4.2, A.6.2.3). */
  NO_MODELS("models", "A.4.2", "no model or model version is recorded"),
  /** No data source is recorded (A.4.3). */
  NO_DATA_SOURCES("dataSources", "A.4.3", "no data source is recorded"),
  /** The organisation uses the system as an AI customer but names no supplier (A.10.3). */
  NO_SUPPLIERS(
      "suppliers",
      "A.10.3",
      "the organisation is an AI customer of the system but names no supplier"),
  /** A model names a supplier that is missing from the system's suppliers (A.10.3). */
  MODEL_SUPPLIER_NOT_LISTED(
      "suppliers", "A.10.3", "a model's supplier is missing from the system's suppliers");

  private final String field;
  private final String control;
  private final String description;

  RegisterGap(String field, String control, String description) {
    this.field = field;
    this.control = control;
    this.description = description;
  }

  /** Returns the {@link AiSystem} field to complete. */
  public String field() {
    return field;
  }

  /** Returns the Annex A control the missing information serves. */
  public String control() {
    return control;
  }

  /** Returns what is missing, in words. */
  public String description() {
    return description;
  }
}
