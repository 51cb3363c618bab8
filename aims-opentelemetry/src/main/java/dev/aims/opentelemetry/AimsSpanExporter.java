package dev.aims.opentelemetry;

import dev.aims.core.system.AiSystem;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.genai.ContentPolicy;
import dev.aims.evidence.genai.GenAiRecorder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A span exporter that logs the generative-AI spans of a traced service as evidence (A.6.2.8 event
 * logs, A.6.2.6 monitoring) and passes every other span by.
 *
 * <p>A span is logged when its {@code gen_ai.operation.name} is {@code chat}, {@code
 * text_completion}, {@code generate_content}, {@code invoke_agent}, {@code create_agent} or {@code
 * execute_tool}: as an AI decision through {@link GenAiRecorder} (the span's start as {@code
 * occurredAt}, its trace and span ids, models, response id, finish reasons, token usage,
 * conversation, agent and tool under the convention's names, and the opt-in content attributes
 * through the {@link ContentPolicy}), or, when the span's status is ERROR or it carries {@code
 * error.type}, as an availability event of a failed call (the event has no attributes, so the error
 * type is not logged). A span that names no model is logged under its tool ({@code tool:NAME}) or
 * agent ({@code agent:NAME}), else {@code unknown}; the decision text is {@code answered}, {@code
 * agent answered}, {@code agent created} or {@code tool executed}.
 *
 * <pre>{@code
 * SdkTracerProvider.builder()
 *     .addSpanProcessor(BatchSpanProcessor.builder(
 *         AimsSpanExporter.builder().log(log).system("support-bot").build()).build())
 *     .build();
 * }</pre>
 *
 * <p>{@link #export} fails its result with a {@link SpanEvidenceException} when a span could not be
 * logged: the log refused the record ({@link dev.aims.evidence.FailurePolicy#FAIL_CLOSED}), the
 * record was invalid, or an attribute had the wrong type; the other spans of the batch are still
 * logged. Under {@link dev.aims.evidence.FailurePolicy#REPORT_AND_CONTINUE} the log reports storage
 * failures itself and export succeeds. {@link #shutdown()} closes the log only if the exporter
 * opened it (through {@link AimsSpanExporterProvider}); a log passed to the builder stays the
 * caller's to close. Thread-safe.
 */
public final class AimsSpanExporter implements SpanExporter {
  private static final Pattern SYSTEM_ID = Pattern.compile(AiSystem.ID_PATTERN);

  private final EvidenceLog log;
  private final String system;
  private final String modelVersion;
  private final ContentPolicy content;
  private final boolean ownsLog;
  private final AtomicBoolean shutdown = new AtomicBoolean();

  private AimsSpanExporter(Builder b) {
    this.log = b.log;
    this.system = b.system;
    this.modelVersion = b.modelVersion;
    this.content = b.content;
    this.ownsLog = b.ownsLog;
  }

  /** Returns a new builder; the log and the AI system id are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Logs the GenAI spans of {@code spans} and passes the others by.
   *
   * @return success, or a failure with a {@link SpanEvidenceException} (further ones suppressed in
   *     it) if a GenAI span could not be logged; a failure after {@link #shutdown()}
   */
  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    if (shutdown.get()) {
      return CompletableResultCode.ofFailure();
    }
    SpanEvidenceException failure = null;
    for (SpanData span : spans) {
      SpanEvidence evidence = SpanEvidence.of(span);
      if (evidence == null) {
        continue;
      }
      try {
        record(evidence);
      } catch (SpanEvidenceException e) {
        failure = add(failure, e);
      } catch (RuntimeException e) {
        failure =
            add(
                failure,
                new SpanEvidenceException(
                    evidence.describe() + " was not logged as evidence: " + e.getMessage(), e));
      }
    }
    return failure == null
        ? CompletableResultCode.ofSuccess()
        : CompletableResultCode.ofExceptionalFailure(failure);
  }

  private static SpanEvidenceException add(SpanEvidenceException first, SpanEvidenceException e) {
    if (first == null) {
      return e;
    }
    first.addSuppressed(e);
    return first;
  }

  private void record(SpanEvidence evidence) {
    if (evidence.failed()) {
      recorder(null, "answered").recordFailure(evidence.startedAt());
      return;
    }
    recorder(evidence.defaultModel(), evidence.decision()).record(evidence.exchange());
  }

  private GenAiRecorder recorder(String defaultModel, String decision) {
    GenAiRecorder.Builder b =
        GenAiRecorder.builder()
            .log(log)
            .system(system)
            .modelVersion(modelVersion)
            .content(content)
            .decision(decision);
    if (defaultModel != null) {
      b.defaultModel(defaultModel);
    }
    return b.build();
  }

  /**
   * Waits until every record logged so far is durable.
   *
   * @return success, or a failure with the log's exception if records failed under {@code
   *     FAIL_CLOSED}
   */
  @Override
  public CompletableResultCode flush() {
    try {
      log.flush();
      return CompletableResultCode.ofSuccess();
    } catch (RuntimeException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
  }

  /**
   * Stops exporting; closes the log if the exporter opened it (which drains it, fsyncs and signs a
   * final checkpoint). Calling it again does nothing.
   *
   * @return success, or a failure with the log's exception if closing it failed
   */
  @Override
  public CompletableResultCode shutdown() {
    if (!shutdown.compareAndSet(false, true) || !ownsLog) {
      return CompletableResultCode.ofSuccess();
    }
    try {
      log.close();
      return CompletableResultCode.ofSuccess();
    } catch (RuntimeException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
  }

  /** Returns the log records go to. */
  EvidenceLog log() {
    return log;
  }

  @Override
  public String toString() {
    return "AimsSpanExporter[system=" + system + ", log=" + log.origin() + ", " + content + "]";
  }

  /** Builds an {@link AimsSpanExporter}. Not thread-safe. */
  public static final class Builder {
    private EvidenceLog log;
    private String system;
    private String modelVersion;
    private ContentPolicy content = ContentPolicy.commitments();
    private boolean ownsLog;

    private Builder() {}

    /** Sets the log records go to (required); the caller keeps it and closes it. */
    public Builder log(EvidenceLog log) {
      this.log = Objects.requireNonNull(log, "log");
      this.ownsLog = false;
      return this;
    }

    /** Sets the log and makes the exporter close it at {@link #shutdown()}. */
    Builder ownedLog(EvidenceLog log) {
      this.log = Objects.requireNonNull(log, "log");
      this.ownsLog = true;
      return this;
    }

    /**
     * Sets the AI system id records carry, as the register names it (required).
     *
     * @throws IllegalArgumentException if it is not an AI system id ({@value AiSystem#ID_PATTERN})
     */
    public Builder system(String system) {
      Objects.requireNonNull(system, "system");
      if (!SYSTEM_ID.matcher(system).matches()) {
        throw new IllegalArgumentException(
            "system '" + system + "' must be an AI system id: " + AiSystem.ID_PATTERN);
      }
      this.system = system;
      return this;
    }

    /**
     * Sets the deployment's model version as the register records it; null (the default) takes the
     * model the span names (the response model, else the request model).
     */
    public Builder modelVersion(String modelVersion) {
      this.modelVersion = modelVersion;
      return this;
    }

    /**
     * Sets how the prompt and the completion of spans that carry them are logged (default {@link
     * ContentPolicy#commitments()}). {@link ContentPolicy#plainText()} needs a log built with
     * {@code allowPlainValues(true)}.
     */
    public Builder content(ContentPolicy content) {
      this.content = Objects.requireNonNull(content, "content");
      return this;
    }

    /**
     * Returns the exporter.
     *
     * @throws IllegalStateException naming the missing setting if the log or the system is unset
     */
    public AimsSpanExporter build() {
      if (log == null) {
        throw new IllegalStateException("log must be set: where do the records go?");
      }
      if (system == null) {
        throw new IllegalStateException("system must be set: the AI system id records carry");
      }
      return new AimsSpanExporter(this);
    }
  }
}
