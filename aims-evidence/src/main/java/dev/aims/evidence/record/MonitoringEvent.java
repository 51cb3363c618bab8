package dev.aims.evidence.record;

import dev.aims.core.AimsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One observation of an AI system in operation (A.6.2.6; Clause 9.1): a metric, its value, the
 * threshold it is held to and whether the observation breaches it.
 *
 * <p>Values and thresholds are decimal strings ({@code "0.031"}), never floats, so that every
 * reader of the leaf sees the same number. Build one with {@link #builder()}; {@code build()}
 * reports every broken constraint at once. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
public abstract non-sealed class MonitoringEvent implements EvidenceRecord {
  MonitoringEvent() {}

  @Override
  public final RecordType type() {
    return RecordType.MONITORING_EVENT;
  }

  /** Returns the metric's name, e.g. {@code approval-rate-gap}. */
  public abstract String metric();

  /** Returns the observed value as a decimal string, e.g. {@code 0.031}. */
  public abstract String value();

  /** Returns the threshold the value is held to, as a decimal string, if there is one. */
  public abstract Optional<String> threshold();

  /** Returns what the metric watches. */
  public abstract MonitoringKind kind();

  /** Returns whether the observation breaches the threshold (or an expectation without one). */
  public abstract boolean breach();

  @Value.Check
  final void check() {
    Violations v = new Violations("MonitoringEvent");
    v.common(this);
    v.name("metric", metric());
    v.decimal("value", value());
    if (threshold().isPresent()) {
      v.decimal("threshold", threshold().get());
    }
    v.throwIfAny();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MonitoringEvent}. */
  public static final class Builder extends ImmutableMonitoringEvent.Builder {}

  private static final byte[] BREACH = JsonBytes.ascii("{\"breach\":");
  private static final byte[] KIND = JsonBytes.ascii(",\"kind\":");
  private static final byte[] METRIC = JsonBytes.ascii(",\"metric\":");
  private static final byte[] THRESHOLD = JsonBytes.ascii(",\"threshold\":");
  private static final byte[] VALUE = JsonBytes.ascii(",\"value\":");

  void writeBody(JsonBytes out) {
    out.raw(BREACH).bool(breach());
    out.raw(KIND).string(kind().name());
    out.raw(METRIC).string(metric());
    if (threshold().isPresent()) {
      out.raw(THRESHOLD).string(threshold().get());
    }
    out.raw(VALUE).string(value()).raw('}');
  }

  static MonitoringEvent fromLeaf(LeafTree body, LeafTree.Common common) {
    return builder()
        .system(common.system())
        .occurredAt(common.occurredAt())
        .controls(common.controls())
        .refs(common.refs())
        .breach(body.bool("breach"))
        .kind(body.enumValue("kind", MonitoringKind.class))
        .metric(body.string("metric"))
        .threshold(body.optionalString("threshold"))
        .value(body.string("value"))
        .build();
  }
}
