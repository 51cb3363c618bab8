package dev.aims.evidence;

import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.OpeningStore;
import dev.aims.evidence.spi.LogStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures and opens an {@link EvidenceLog}. Every setting is checked when it is set and again in
 * {@link #build()}, which fails fast with a message naming the setting and the value, so that a
 * misconfigured host fails at start-up instead of at its first decision.
 *
 * <p>Required: where the log lives ({@link #directory(Path)} or {@link #store(LogStore)}), the
 * checkpoint {@link #signer(NoteSigner)} and the {@link #origin(String)}. Everything else has a
 * default. Not thread-safe; build one log per builder.
 */
public final class EvidenceLogBuilder {
  /** Default capacity of the queue between appending threads and the writer. */
  public static final int DEFAULT_QUEUE_CAPACITY = 16_384;

  /** Default number of records after which a checkpoint is signed. */
  public static final long DEFAULT_CHECKPOINT_RECORDS = 100_000;

  /** Default time after which records not yet covered get a checkpoint. */
  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

  static final int MAX_QUEUE_CAPACITY = 1 << 24;
  static final int MAX_ORIGIN = 256;

  Path directory;
  LogStore store;
  NoteSigner signer;
  NoteSigner previousSigner;
  String origin;
  FailurePolicy failurePolicy = FailurePolicy.FAIL_CLOSED;
  Durability durability = Durability.ASYNC;
  int queueCapacity = DEFAULT_QUEUE_CAPACITY;
  long checkpointRecords = DEFAULT_CHECKPOINT_RECORDS;
  Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
  EvidenceListener listener = EvidenceListener.none();
  Clock clock = Clock.systemUTC();
  OpeningStore openings;
  boolean allowPlainValues;

  // How the log opens, and after a failure reopens, a store it owns: the file store of the
  // directory. Tests in this package set their own.
  StoreOpener opener;

  /** Opens the store of a log that may reopen it after a failure. */
  @FunctionalInterface
  interface StoreOpener {
    LogStore open() throws java.io.IOException;
  }

  EvidenceLogBuilder() {}

  /**
   * Keeps the log in {@code directory} with the default file store (created when absent, recovered
   * after a crash, locked against a second writer). Openings go to its {@code private/} folder.
   *
   * @throws IllegalStateException if a directory or a store was already set
   */
  public EvidenceLogBuilder directory(Path directory) {
    Objects.requireNonNull(directory, "directory");
    requireNoStorage();
    this.directory = directory;
    return this;
  }

  /**
   * Keeps the log in {@code store} instead of a directory (a database store, the in-memory store of
   * tests). The log closes the store when it is closed. Openings are kept in memory unless {@link
   * #openings(OpeningStore)} is set.
   *
   * @throws IllegalStateException if a directory or a store was already set
   */
  public EvidenceLogBuilder store(LogStore store) {
    Objects.requireNonNull(store, "store");
    requireNoStorage();
    this.store = store;
    return this;
  }

  private void requireNoStorage() {
    if (directory != null) {
      throw new IllegalStateException("directory was already set to " + directory);
    }
    if (store != null) {
      throw new IllegalStateException("store was already set to " + store);
    }
  }

  /** Sets the Ed25519 key that signs checkpoints (C2SP signed note). Required. */
  public EvidenceLogBuilder signer(NoteSigner signer) {
    this.signer = Objects.requireNonNull(signer, "signer");
    return this;
  }

  /**
   * Sets the key that signed the log until now, when {@link #signer(NoteSigner)} is a new one: on
   * opening, the log records the key rotation and signs the checkpoint over it with both keys.
   * Without it, opening a log whose latest checkpoint another key signed fails.
   */
  public EvidenceLogBuilder previousSigner(NoteSigner previousSigner) {
    this.previousSigner = Objects.requireNonNull(previousSigner, "previousSigner");
    return this;
  }

  /**
   * Sets the log's origin, the first line of every checkpoint: a unique name such as {@code
   * example.com/credit-scoring}. Required.
   *
   * @throws IllegalArgumentException if it is blank, longer than 256 chars, has surrounding spaces
   *     or control characters
   */
  public EvidenceLogBuilder origin(String origin) {
    Objects.requireNonNull(origin, "origin");
    String problem = originProblem(origin);
    if (problem != null) {
      throw new IllegalArgumentException("origin '" + origin + "' " + problem);
    }
    this.origin = origin;
    return this;
  }

  private static String originProblem(String origin) {
    if (origin.isBlank()) {
      return "must not be blank";
    }
    if (origin.length() > MAX_ORIGIN) {
      return "must be at most " + MAX_ORIGIN + " chars";
    }
    if (!origin.strip().equals(origin)) {
      return "must not start or end with white space";
    }
    for (int i = 0; i < origin.length(); i++) {
      if (Character.isISOControl(origin.charAt(i))) {
        return "must not contain control characters (char " + i + ")";
      }
    }
    return null;
  }

  /**
   * Sets what happens when evidence cannot be stored; {@link FailurePolicy#FAIL_CLOSED} if unset.
   */
  public EvidenceLogBuilder failurePolicy(FailurePolicy failurePolicy) {
    this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy");
    return this;
  }

  /** Sets when {@link EvidenceLog#append} returns; {@link Durability#ASYNC} if unset. */
  public EvidenceLogBuilder durability(Durability durability) {
    this.durability = Objects.requireNonNull(durability, "durability");
    return this;
  }

  /**
   * Sets how many records may wait for the writer; appending threads block while it is full. The
   * default, {@value #DEFAULT_QUEUE_CAPACITY}, holds a few milliseconds of a million records a
   * second.
   *
   * @throws IllegalArgumentException if it is not between 1 and 2^24
   */
  public EvidenceLogBuilder queueCapacity(int queueCapacity) {
    if (queueCapacity < 1 || queueCapacity > MAX_QUEUE_CAPACITY) {
      throw new IllegalArgumentException(
          "queueCapacity must be between 1 and "
              + MAX_QUEUE_CAPACITY
              + ", but was "
              + queueCapacity);
    }
    this.queueCapacity = queueCapacity;
    return this;
  }

  /**
   * Sets the checkpoint policy: after a batch is stored, a checkpoint is signed when at least
   * {@code records} records or {@code interval} have passed since the last one; an idle log signs
   * one {@code interval} after its last record. Checkpoints are signed per batch, never per record.
   *
   * @throws IllegalArgumentException if {@code records} is not positive or {@code interval} is not
   *     between 1 ms and 1 day
   */
  public EvidenceLogBuilder checkpointEvery(long records, Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (records < 1) {
      throw new IllegalArgumentException(
          "checkpointEvery records must be positive, but was " + records);
    }
    if (interval.compareTo(Duration.ofMillis(1)) < 0
        || interval.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "checkpointEvery interval must be between 1 ms and 1 day, but was " + interval);
    }
    this.checkpointRecords = records;
    this.checkpointInterval = interval;
    return this;
  }

  /** Sets who hears of checkpoints and failures; failures also go to SLF4J in any case. */
  public EvidenceLogBuilder listener(EvidenceListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Sets the clock that stamps {@code recordedAt}; {@link Clock#systemUTC()} if unset. */
  public EvidenceLogBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets where openings of commitments are kept; by default the file store in the log directory, or
   * memory for a log built with {@link #store(LogStore)}. The log closes it when it is closed.
   */
  public EvidenceLogBuilder openings(OpeningStore openings) {
    this.openings = Objects.requireNonNull(openings, "openings");
    return this;
  }

  /**
   * Allows records to carry {@link dev.aims.evidence.privacy.PlainValue}s, for hosts whose inputs
   * and outputs hold no personal data. Off by default: leaves can never be erased.
   */
  public EvidenceLogBuilder allowPlainValues(boolean allow) {
    this.allowPlainValues = allow;
    return this;
  }

  /**
   * Opens the log and starts its writer thread.
   *
   * @throws IllegalStateException naming the missing setting if storage, signer or origin is unset
   * @throws IllegalArgumentException if the store holds a log of another origin, or one whose
   *     latest checkpoint neither the signer nor the previous signer signed
   * @throws EvidenceLogException if the store cannot be opened (locked by another writer, damaged,
   *     unreadable), with the cause
   */
  public EvidenceLog build() {
    if (directory == null && store == null && opener == null) {
      throw new IllegalStateException("directory or store must be set: where does the log live?");
    }
    if (signer == null) {
      throw new IllegalStateException("signer must be set: the key that signs checkpoints");
    }
    if (origin == null) {
      throw new IllegalStateException("origin must be set: the first line of every checkpoint");
    }
    if (previousSigner != null && previousSigner.verifier().equals(signer.verifier())) {
      throw new IllegalArgumentException(
          "previousSigner " + previousSigner + " is the same key as signer " + signer);
    }
    return DefaultEvidenceLog.open(this);
  }
}
