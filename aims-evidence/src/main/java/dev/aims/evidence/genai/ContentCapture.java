package dev.aims.evidence.genai;

/**
 * How the prompt and the completion of a generative-AI call appear in the log. Prompts and answers
 * may hold personal data, so the default keeps them out of the log's leaves.
 */
public enum ContentCapture {
  /**
   * A salted commitment (the default): the leaf holds a digest, the text goes to the log's erasable
   * opening store, and an auditor given the opening can prove what was said.
   */
  COMMITMENT,

  /**
   * A redacted summary made by a function the service supplies (e.g. "12 words, English"), which
   * must hold no personal data.
   */
  REDACTED_SUMMARY,

  /**
   * The text in the clear, for services whose prompts are known to hold no personal data; the log
   * must be built with {@code allowPlainValues(true)}. Text longer than {@link
   * dev.aims.evidence.privacy.PlainValue#MAX_LENGTH} is logged as a commitment instead, so that
   * nothing is cut.
   */
  PLAIN_TEXT
}
