package dev.aims.evidence.witness;

import dev.aims.evidence.EvidenceFailure;
import dev.aims.evidence.EvidenceListener;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has an evidence log's checkpoints cosigned by witnesses (C2SP tlog-witness) and keeps the
 * cosigned notes: attach it to the log as its {@link EvidenceListener}.
 *
 * <p>On each signed checkpoint it remembers the note and returns at once; its own thread submits
 * the latest remembered checkpoint to every witness, at most once per {@link Builder#interval},
 * with the consistency proof from the size each witness last cosigned (a 409 from a witness that
 * knows better is resolved by {@link WitnessClient}). Checkpoints that arrive while one is
 * submitted or while the interval runs are not queued: only the latest is submitted next. The
 * cosignatures go, added to the log's note ({@link Cosignature#addTo}), into the {@link
 * CosignatureStore} under the checkpoint's size, merged with the ones kept there already.
 *
 * <p>A witness that is down, refuses or answers nonsense, a checkpoint that fewer than the quorum
 * cosigned, and a note that cannot be kept are logged to SLF4J and reported to the next listener's
 * {@link EvidenceListener#onFailure} as {@link EvidenceFailure.Operation#WITNESS}; none of them
 * ever touches an append or the log's failure policy. Checkpoints and failures are passed on to the
 * next listener ({@link Builder#listener}).
 *
 * <pre>{@code
 * Witnessing witnessing = Witnessing.builder().logDirectory(dir).witness(w1).witness(w2)
 *     .quorum(2).build();
 * EvidenceLog log = EvidenceLog.builder().directory(dir)...listener(witnessing).build();
 * ...
 * log.close();
 * witnessing.flush(Duration.ofSeconds(30)); // witness the final checkpoint
 * witnessing.close();
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops its thread, which does not outlive it.
 */
public final class Witnessing implements EvidenceListener, AutoCloseable {
  /** The default least time between two submissions. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(Witnessing.class);

  /** Opens the store that a submission reads its consistency proofs from. */
  @FunctionalInterface
  interface ReaderOpener {
    LogStore open() throws IOException;
  }

  private final List<WitnessClient> witnesses;
  private final long[] known;
  private final int quorum;
  private final long intervalNanos;
  private final ReaderOpener opener;
  private final boolean closeReader;
  private final CosignatureStore cosignatures;
  private final EvidenceListener next;
  private final LongSupplier ticker;
  private final Thread thread;

  private final Object lock = new Object();
  private String pending;
  private boolean busy;
  private boolean closed;
  private boolean hurry;
  private boolean submittedAny;
  private long lastSubmission;

  private Witnessing(Builder b) {
    this.witnesses = List.copyOf(b.witnesses);
    this.known = new long[witnesses.size()];
    this.quorum = b.quorum == 0 ? witnesses.size() : b.quorum;
    this.intervalNanos = b.interval.toNanos();
    this.opener = b.opener;
    this.closeReader = b.closeReader;
    this.cosignatures = b.cosignatures;
    this.next = b.next;
    this.ticker = b.ticker;
    if (b.startThread) {
      this.thread = new Thread(this::run, "aims-witnessing");
      thread.setDaemon(true);
      thread.start();
    } else {
      this.thread = null;
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The submitting thread, for tests; null when built without one. */
  Thread thread() {
    return thread;
  }

  /** Remembers the checkpoint for the next submission and passes it on; never blocks. */
  @Override
  public void onCheckpoint(String signedNote) {
    synchronized (lock) {
      if (!closed) {
        pending = signedNote;
        lock.notifyAll();
      }
    }
    next.onCheckpoint(signedNote);
  }

  /** Passes the failure on to the next listener. */
  @Override
  public void onFailure(EvidenceFailure failure) {
    next.onFailure(failure);
  }

  /** Returns how many witnesses must cosign a checkpoint. */
  public int quorum() {
    return quorum;
  }

  /**
   * Submits the latest remembered checkpoint now, whatever the interval, and waits until no
   * checkpoint is waiting or being submitted, or {@code timeout} has passed; for a host that is
   * about to close, so that its final checkpoint is witnessed.
   *
   * @return whether everything remembered was submitted (successfully or not) in time
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  public boolean flush(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      hurry = true;
      lock.notifyAll();
      while ((pending != null || busy) && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return pending == null && !busy;
    }
  }

  /**
   * Stops the submitting thread and waits for it to end; a submission under way is interrupted, and
   * a remembered checkpoint not yet submitted is dropped. Closing twice is harmless.
   */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      pending = null;
      lock.notifyAll();
    }
    if (thread != null && thread != Thread.currentThread()) {
      thread.interrupt();
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    while (true) {
      String note;
      synchronized (lock) {
        try {
          note = awaitDue();
        } catch (InterruptedException e) {
          return;
        }
        if (note == null) {
          return;
        }
      }
      try {
        submit(note);
      } catch (RuntimeException e) {
        report("submitting a checkpoint to witnesses failed unexpectedly", e);
      } finally {
        done();
      }
    }
  }

  /** Waits, holding the lock, until a checkpoint is due and takes it; null once closed. */
  private String awaitDue() throws InterruptedException {
    while (!closed) {
      long wait = delay(ticker.getAsLong());
      if (wait == 0) {
        return take();
      }
      if (wait < 0) {
        lock.wait();
      } else {
        TimeUnit.NANOSECONDS.timedWait(lock, wait);
      }
    }
    return null;
  }

  /**
   * Returns how long to wait before the remembered checkpoint is due at {@code now} (nanoseconds of
   * the ticker): 0 when it is due, -1 when none is remembered.
   */
  long delay(long now) {
    synchronized (lock) {
      if (pending == null) {
        return -1;
      }
      if (!submittedAny || hurry) {
        return 0;
      }
      return Math.max(0, lastSubmission + intervalNanos - now);
    }
  }

  /** Takes the remembered checkpoint for submission, marking a submission under way. */
  String take() {
    synchronized (lock) {
      String note = pending;
      pending = null;
      if (note != null) {
        busy = true;
        submittedAny = true;
        lastSubmission = ticker.getAsLong();
      }
      return note;
    }
  }

  /** Marks the submission under way as done. */
  void done() {
    synchronized (lock) {
      busy = false;
      if (pending == null) {
        hurry = false;
      }
      lock.notifyAll();
    }
  }

  /**
   * Submits {@code note} to every witness, collects their cosignatures and keeps the cosigned note
   * when at least one witness cosigned; reports every failure.
   */
  void submit(String note) {
    Checkpoint cp;
    try {
      cp = LogStore.checkpointOf(note);
    } catch (IllegalArgumentException e) {
      report("the log's checkpoint cannot be submitted to witnesses", e);
      return;
    }
    List<Cosignature> got = new ArrayList<>();
    LogStore reader = null;
    try {
      reader = opener.open();
      for (int i = 0; i < witnesses.size(); i++) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        got.addAll(submitTo(i, reader, note, cp));
      }
    } catch (IOException | RuntimeException e) {
      report("cannot read the log to prove checkpoint " + cp.size() + " to witnesses", e);
    } finally {
      closeReader(reader);
    }
    int count = Cosignature.witnessesOf(got).size();
    if (count > 0) {
      keep(note, cp, got);
    }
    if (count < quorum) {
      report(
          "checkpoint "
              + cp.size()
              + " was cosigned by "
              + count
              + " of "
              + witnesses.size()
              + " witnesses, fewer than the quorum of "
              + quorum,
          null);
    } else {
      LOG.debug("checkpoint {} cosigned by {} witnesses", cp.size(), count);
    }
  }

  private List<Cosignature> submitTo(int i, LogStore reader, String note, Checkpoint cp)
      throws IOException {
    WitnessClient client = witnesses.get(i);
    long from = Math.min(known[i], cp.size());
    try {
      List<Cosignature> c = client.addCheckpoint(reader, from, note);
      known[i] = cp.size();
      return c;
    } catch (WitnessException e) {
      e.witnessSize().ifPresent(s -> known[i] = s);
      // The exception's message names the witness, its address and its answer.
      report("checkpoint " + cp.size() + " not cosigned", e);
    } catch (IllegalArgumentException e) {
      report(
          "checkpoint "
              + cp.size()
              + " cannot be proven to witness "
              + client.witness().keyName()
              + " from the log read",
          e);
    }
    return List.of();
  }

  /** Adds the cosignatures to the note kept for the checkpoint's size, or keeps a new one. */
  private void keep(String note, Checkpoint cp, List<Cosignature> got) {
    try {
      String base = note;
      Optional<String> kept = cosignatures.get(cp.size());
      if (kept.isPresent()) {
        if (!NoteParts.of(kept.get()).text().equals(NoteParts.of(note).text())) {
          report(
              "a different checkpoint of size "
                  + cp.size()
                  + " is kept in "
                  + cosignatures
                  + "; the new cosignatures were not kept",
              null);
          return;
        }
        base = kept.get();
      }
      cosignatures.put(cp.size(), Cosignature.addTo(base, got));
    } catch (IOException | NoteException e) {
      report("cannot keep the cosignatures of checkpoint " + cp.size() + " in " + cosignatures, e);
    }
  }

  private void closeReader(LogStore reader) {
    if (reader != null && closeReader) {
      try {
        reader.close();
      } catch (IOException e) {
        LOG.warn("closing the log reader of the witnessing failed", e);
      }
    }
  }

  private void report(String what, Throwable cause) {
    synchronized (lock) {
      if (closed) {
        // A submission cut short by close() is no failure the host needs to hear of.
        LOG.debug("after close: {}", what, cause);
        return;
      }
    }
    WitnessingException e = new WitnessingException(what, cause);
    LOG.warn("{}{}", what, cause == null ? "" : ": " + cause.getMessage());
    try {
      next.onFailure(EvidenceFailure.witness(e));
    } catch (RuntimeException ex) {
      LOG.error("evidence listener failed while handling a witness failure", ex);
    }
  }

  /** Why a checkpoint was not (fully) witnessed, as the failure reported to the listener. */
  static final class WitnessingException extends Exception {
    private static final long serialVersionUID = 1L;

    WitnessingException(String message, Throwable cause) {
      super(cause == null ? message : message + ": " + cause.getMessage(), cause);
    }
  }

  /**
   * Configures {@link Witnessing}: at least one witness and where the log is read from ({@link
   * #logDirectory}, or {@link #reader} with {@link #cosignatures}) are required.
   */
  public static final class Builder {
    private final List<WitnessClient> witnesses = new ArrayList<>();
    private int quorum;
    private Duration interval = DEFAULT_INTERVAL;
    private ReaderOpener opener;
    private boolean closeReader;
    private CosignatureStore cosignatures;
    private EvidenceListener next = EvidenceListener.none();
    private LongSupplier ticker = System::nanoTime;
    private boolean startThread = true;

    private Builder() {}

    /** Adds a witness to submit checkpoints to. */
    public Builder witness(WitnessClient witness) {
      Objects.requireNonNull(witness, "witness");
      for (WitnessClient w : witnesses) {
        if (w.witness().equals(witness.witness())) {
          throw new IllegalArgumentException(
              "witness " + witness.witness().keyName() + " was already added");
        }
      }
      witnesses.add(witness);
      return this;
    }

    /** Adds each of {@code witnesses}; see {@link #witness(WitnessClient)}. */
    public Builder witnesses(List<WitnessClient> witnesses) {
      witnesses.forEach(this::witness);
      return this;
    }

    /**
     * Sets how many witnesses must cosign a checkpoint; fewer is reported as a failure. All the
     * witnesses added unless set.
     *
     * @throws IllegalArgumentException if it is below 1
     */
    public Builder quorum(int quorum) {
      if (quorum < 1) {
        throw new IllegalArgumentException("quorum must be at least 1, was " + quorum);
      }
      this.quorum = quorum;
      return this;
    }

    /**
     * Sets the least time between two submissions; {@link #DEFAULT_INTERVAL} unless set. Zero
     * submits each checkpoint as soon as the previous submission is done.
     *
     * @throws IllegalArgumentException if it is negative
     */
    public Builder interval(Duration interval) {
      if (interval == null || interval.isNegative()) {
        throw new IllegalArgumentException("interval must not be negative, was " + interval);
      }
      this.interval = interval;
      return this;
    }

    /**
     * Reads the file log in {@code dir} for consistency proofs (opened read-only for each
     * submission, so that it sees what the writer added) and keeps the cosigned notes in its
     * {@value CosignatureStore#DIRECTORY} directory unless {@link #cosignatures} is set.
     */
    public Builder logDirectory(Path dir) {
      Objects.requireNonNull(dir, "logDirectory");
      this.opener = () -> FileStore.openReadOnly(dir);
      this.closeReader = true;
      if (cosignatures == null) {
        this.cosignatures = CosignatureStore.ofLog(dir);
      }
      return this;
    }

    /**
     * Reads consistency proofs from {@code store}, which must see the log's appends as they happen
     * (the log's own store, a database reader); it is never closed here. Needs {@link
     * #cosignatures}.
     */
    public Builder reader(LogStore store) {
      Objects.requireNonNull(store, "reader");
      this.opener = () -> store;
      this.closeReader = false;
      return this;
    }

    /** Sets where the cosigned notes are kept. */
    public Builder cosignatures(CosignatureStore store) {
      this.cosignatures = Objects.requireNonNull(store, "cosignatures");
      return this;
    }

    /** Sets the listener that checkpoints and failures (the log's and the witnesses') go on to. */
    public Builder listener(EvidenceListener next) {
      this.next = Objects.requireNonNull(next, "listener");
      return this;
    }

    Builder ticker(LongSupplier ticker) {
      this.ticker = ticker;
      return this;
    }

    Builder startThread(boolean start) {
      this.startThread = start;
      return this;
    }

    /**
     * Starts submitting.
     *
     * @throws IllegalStateException naming the missing setting, or if the quorum exceeds the
     *     witnesses
     */
    public Witnessing build() {
      if (witnesses.isEmpty()) {
        throw new IllegalStateException("witnessing needs at least one witness: call witness(...)");
      }
      if (opener == null) {
        throw new IllegalStateException(
            "witnessing needs to read the log: call logDirectory(...) or reader(...)");
      }
      if (cosignatures == null) {
        throw new IllegalStateException(
            "witnessing needs where to keep cosignatures: call cosignatures(...)");
      }
      if (quorum > witnesses.size()) {
        throw new IllegalStateException(
            "quorum " + quorum + " exceeds the " + witnesses.size() + " witnesses added");
      }
      return new Witnessing(this);
    }
  }
}
