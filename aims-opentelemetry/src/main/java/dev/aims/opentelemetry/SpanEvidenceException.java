package dev.aims.opentelemetry;

/**
 * Why a GenAI span was not logged as evidence: the log refused the record (under {@code
 * FAIL_CLOSED}), the record was not valid, or an attribute had a type other than the convention's.
 * {@link AimsSpanExporter#export} fails its result with it; the SDK's span processors report it.
 *
 * <p>The message names the span (its name, trace id and span id) and the cause, never a prompt, a
 * completion or any other attribute value.
 */
public final class SpanEvidenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the span and why it was not logged
   */
  public SpanEvidenceException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message the span and why it was not logged
   * @param cause the log's or the record's exception
   */
  public SpanEvidenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
