package dev.aims.spring.boot.autoconfigure;

import dev.aims.evidence.Durability;
import dev.aims.evidence.FailurePolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code aims.evidence.*} properties from which the starter opens the application's evidence
 * log (A.6.2.8 event logs): where it lives, its origin and signer key, and how it behaves.
 *
 * @param enabled Whether to open the evidence log; false leaves the application without one.
 * @param store Where the log lives: file (a directory, aims.evidence.directory) or postgres (the
 *     application's DataSource, with aims-evidence-postgres on the class path).
 * @param directory The log directory when store=file: created when absent, recovered after a crash,
 *     locked against a second writer. The openings of commitments go to its private/ folder.
 * @param origin The log's origin, the first line of every checkpoint, such as
 *     example.com/credit-scoring. Defaults to the name of the signer key, which must equal it.
 * @param signerKey The key that signs checkpoints: the path of the .skey file that "aims keygen"
 *     writes, a resource location (file:, classpath:), or the key text itself (PRIVATE+KEY+...),
 *     e.g. from a secret environment variable. Never repeated in a message.
 * @param previousSignerKey The key that signed the log until now, when aims.evidence.signer-key is
 *     a new one (same forms): on opening, the log records the rotation and signs the checkpoint
 *     over it with both keys. Remove it once the rotation is recorded.
 * @param durability When an append returns: ASYNC once queued, DURABLE once stored durably.
 * @param failurePolicy What happens when evidence cannot be stored: FAIL_CLOSED (the call throws
 *     and the log takes no more records) or REPORT_AND_CONTINUE (reported, the log carries on).
 * @param queueCapacity How many records may wait for the writer; appending threads block while it
 *     is full (1 to 16777216).
 * @param allowPlainValues Whether records may carry plain values, for applications whose inputs and
 *     outputs hold no personal data (plain values can never be erased).
 * @param checkpoint When checkpoints are signed.
 * @param postgres The PostgreSQL store (store=postgres).
 * @param health The aimsEvidence health indicator.
 */
@ConfigurationProperties("aims.evidence")
public record AimsEvidenceProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("file") Store store,
    Path directory,
    String origin,
    String signerKey,
    String previousSignerKey,
    @DefaultValue("async") Durability durability,
    @DefaultValue("fail-closed") FailurePolicy failurePolicy,
    @DefaultValue("16384") int queueCapacity,
    @DefaultValue("false") boolean allowPlainValues,
    @DefaultValue Checkpoint checkpoint,
    @DefaultValue Postgres postgres,
    @DefaultValue Health health) {

  /** Where the evidence log lives. */
  public enum Store {
    /** A directory of the local file system (aims.evidence.directory). */
    FILE,
    /** The application's PostgreSQL DataSource, shared by every instance of the application. */
    POSTGRES
  }

  /**
   * When checkpoints are signed: after a batch is stored, when at least {@code records} records or
   * {@code interval} have passed since the last one; an idle log signs one an interval after its
   * last record.
   *
   * @param records The number of records after which a checkpoint is signed (positive).
   * @param interval The time after which records not yet covered get a checkpoint (1ms to 1d).
   */
  public record Checkpoint(
      @DefaultValue("100000") long records, @DefaultValue("1s") Duration interval) {}

  /**
   * The PostgreSQL store.
   *
   * @param migrate Whether opening the store creates or upgrades its tables (Flyway, history in
   *     aims_schema_history); false where the application's role may not create tables and the
   *     schema's owner migrates once.
   */
  public record Postgres(@DefaultValue("true") boolean migrate) {}

  /**
   * The aimsEvidence health indicator.
   *
   * @param maxCheckpointAge How long stored records may wait for a signed checkpoint before the log
   *     is DOWN (counted only while records wait).
   */
  public record Health(@DefaultValue("5m") Duration maxCheckpointAge) {}
}
