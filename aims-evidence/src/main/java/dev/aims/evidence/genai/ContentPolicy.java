package dev.aims.evidence.genai;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.privacy.PlainValue;
import dev.aims.evidence.privacy.ProtectedValue;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one integration turns a prompt or a completion into the {@link ProtectedValue} a decision
 * logs: {@link #commitments()} (the default), {@link #redacted(Function)} or {@link #plainText()}.
 *
 * <p>Immutable and thread-safe if the summarizer is.
 */
public final class ContentPolicy {
  private static final ContentPolicy COMMITMENTS =
      new ContentPolicy(ContentCapture.COMMITMENT, null);
  private static final ContentPolicy PLAIN = new ContentPolicy(ContentCapture.PLAIN_TEXT, null);

  private final ContentCapture capture;
  private final Function<String, String> summarizer;

  private ContentPolicy(ContentCapture capture, Function<String, String> summarizer) {
    this.capture = capture;
    this.summarizer = summarizer;
  }

  /** Returns the default policy: prompts and completions are logged as salted commitments. */
  public static ContentPolicy commitments() {
    return COMMITMENTS;
  }

  /**
   * Returns a policy that logs what {@code summarizer} makes of each text, as a redacted summary.
   * The summarizer must not return personal data, nor text longer than {@link
   * dev.aims.evidence.privacy.RedactedSummary#MAX_LENGTH}.
   */
  public static ContentPolicy redacted(Function<String, String> summarizer) {
    return new ContentPolicy(
        ContentCapture.REDACTED_SUMMARY, Objects.requireNonNull(summarizer, "summarizer"));
  }

  /**
   * Returns a policy that logs texts in the clear (longer ones as commitments). Only for logs built
   * with {@code allowPlainValues(true)}.
   */
  public static ContentPolicy plainText() {
    return PLAIN;
  }

  /** Returns how this policy captures content. */
  public ContentCapture capture() {
    return capture;
  }

  /**
   * Returns how {@code text} appears in a record of {@code log}.
   *
   * @param log the log the record goes to (it keeps the opening of a commitment)
   * @param value what a commitment commits to (the text, or the list of a prompt's messages)
   * @param text the text that a summary is made of, or that is logged in the clear
   * @throws dev.aims.core.validation.InvalidRecordException if a summary is blank or too long
   */
  public ProtectedValue protect(EvidenceLog log, Object value, String text) {
    return switch (capture) {
      case COMMITMENT -> log.commit(value);
      case REDACTED_SUMMARY -> ProtectedValue.redacted(summarizer.apply(text));
      case PLAIN_TEXT ->
          text.isBlank() || text.length() > PlainValue.MAX_LENGTH
              ? log.commit(value)
              : ProtectedValue.plain(text);
    };
  }

  @Override
  public String toString() {
    return "ContentPolicy[" + capture + "]";
  }
}
