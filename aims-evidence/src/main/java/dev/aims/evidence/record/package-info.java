/**
 * The typed evidence records a host logs and the canonical leaf they become.
 *
 * <p>{@link dev.aims.evidence.record.AiDecision}, {@link dev.aims.evidence.record.MonitoringEvent},
 * {@link dev.aims.evidence.record.OversightAction}, {@link
 * dev.aims.evidence.record.AiIncidentEvent} and {@link dev.aims.evidence.record.KeyRotation} are
 * immutable values checked when built (every violation reported at once). {@link
 * dev.aims.evidence.record.Envelope} writes a record as the log's leaf (RFC 8785 canonical JSON,
 * strict profile); {@link dev.aims.evidence.record.LoggedRecord} and {@link
 * dev.aims.evidence.record.RecordQuery} read leaves back.
 */
package dev.aims.evidence.record;
