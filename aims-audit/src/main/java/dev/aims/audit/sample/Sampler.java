package dev.aims.audit.sample;

import dev.aims.audit.StagedDirectory;
import dev.aims.audit.pack.AuditPack;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.proof.TlogProof;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.MalformedLeafException;
import dev.aims.evidence.record.OversightAction;
import dev.aims.evidence.record.OversightOutcome;
import dev.aims.evidence.record.RecordType;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Draws an auditor's sample of evidence records (Clause 9.2; Stage 2 of a certification audit):
 * {@code count} distinct records, chosen uniformly at random and reproducibly from a seed the
 * auditor names, among the records under the log's latest signed checkpoint that match optional
 * type and AI system filters; {@link #writeTo(Path)} writes each as a C2SP tlog-proof that {@code
 * aims verify-proof FILE --key VKEY} accepts, with {@code sample.md} and {@code sample.json}.
 *
 * <pre>{@code
 * Sample sample =
 *     Sampler.builder()
 *         .source(Path.of("pack"))            // a log directory or an audit pack
 *         .seed("ACME-stage2-2026-12-06")
 *         .count(25)
 *         .type(RecordType.AI_DECISION)       // optional
 *         .system("credit-scoring")           // optional
 *         .verifier(NoteVerifier.parse(vkey)) // optional: refuse an unsigned checkpoint
 *         .build()
 *         .writeTo(Path.of("sample"));
 * }</pre>
 *
 * <h2>The algorithm ({@code aims-sample/v1})</h2>
 *
 * <p>An auditor can recompute a sample from this description alone:
 *
 * <ol>
 *   <li><b>Population.</b> Take the latest checkpoint of the log and its size {@code S}. The
 *       population is the records at indexes {@code 0..S-1}, in index order, whose type and AI
 *       system match the filters (no filter matches everything). Let {@code M} be their number and
 *       give them ranks {@code 0..M-1} in index order. Entries appended after the checkpoint are
 *       not part of it; the summary states {@code S}.
 *   <li><b>Generator.</b> Word {@code k} (for {@code k = 0, 1, 2, ...}, one counter for the whole
 *       draw) is {@code SHA-256(UTF-8("aims-sample/v1\n" + seed + "\n" + k))}, {@code k} in decimal
 *       without leading zeros, of which the first 8 bytes are read as an unsigned big-endian
 *       integer and shifted right by one bit: a value {@code w} in {@code [0, 2^63)}.
 *   <li><b>Uniform integer below {@code b}.</b> Take the next word {@code w}; if {@code w >= 2^63 -
 *       (2^63 mod b)} discard it and take the next; otherwise the result is {@code w mod b}.
 *   <li><b>Selection (Floyd).</b> Start with an empty set {@code T}. For {@code j} from {@code M -
 *       N} to {@code M - 1}: draw {@code t}, a uniform integer below {@code j + 1}; if {@code t} is
 *       in {@code T} add {@code j}, otherwise add {@code t}. Every set of {@code N} ranks is
 *       equally likely.
 *   <li><b>Result.</b> The sample is the records with the ranks in {@code T}, in index order.
 * </ol>
 *
 * <p>In Python: {@code w = lambda k: int.from_bytes(hashlib.sha256(f"aims-sample/v1\n{seed}\n{k}"
 * .encode()).digest()[:8], "big") >> 1}.
 *
 * <p><b>Memory.</b> The log is read twice, one record at a time: once to count {@code M} (and to
 * collect the AI system ids, so that an unknown system is named in the error), once to pick the
 * records with the chosen ranks. Only the {@code N} ranks and the sampled rows are held, never the
 * matching indexes.
 *
 * <p><b>Count larger than the population.</b> Refused with an {@link IllegalArgumentException} that
 * gives {@code M}: a sample of fewer records than asked for would look like the requested one, so
 * the auditor must ask for {@code M} (all of them) explicitly.
 *
 * <p>Immutable and thread-safe; each call opens the log read-only, so the log's writer may keep
 * running.
 */
public final class Sampler {
  /** The name of the drawing algorithm above, as the summaries state it. */
  public static final String ALGORITHM = SeededDraw.ALGORITHM;

  /** The Markdown summary's file name in a sample directory. */
  public static final String MARKDOWN_FILE = "sample.md";

  /** The JSON summary's file name in a sample directory. */
  public static final String JSON_FILE = "sample.json";

  private final Path source;
  private final String seed;
  private final int count;
  private final Optional<RecordType> type;
  private final Optional<String> system;
  private final Optional<NoteVerifier> verifier;

  private Sampler(Builder b) {
    this.source = b.source;
    this.seed = b.seed;
    this.count = b.count;
    this.type = Optional.ofNullable(b.type);
    this.system = Optional.ofNullable(b.system);
    this.verifier = Optional.ofNullable(b.verifier);
  }

  /** Returns a builder; source, seed and count are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the proof file name of the record at {@code index}: {@code record-<index>.tlog-proof}.
   * Built from the number alone, so that it is always a plain file name inside the sample
   * directory.
   *
   * @throws IllegalArgumentException if {@code index} is negative
   */
  public static String proofFileName(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("record index must not be negative, was " + index);
    }
    return "record-" + index + ".tlog-proof";
  }

  /**
   * Draws the sample without writing anything; {@link SampledRecord#proofFile()} names the file
   * {@link #writeTo(Path)} would write.
   *
   * @throws IllegalArgumentException if the source is not a log or pack, the system filter names no
   *     AI system of the log, or fewer records match than {@code count}
   * @throws SampleException if the log has no signed checkpoint, the checkpoint does not verify
   *     with the verifier given, or a record cannot be read
   * @throws IOException if the log cannot be read
   */
  public Sample draw() throws IOException {
    return run(null);
  }

  /**
   * Draws the sample and writes it to {@code out}, a new or empty directory: one proof per record
   * (each checked against the checkpoint's root before it is written), {@link #MARKDOWN_FILE} and
   * {@link #JSON_FILE}. The files are written to a hidden staging directory beside {@code out} and
   * moved into place only when complete, so that a failure leaves no partial sample.
   *
   * @throws IllegalArgumentException as {@link #draw()}, and if {@code out} is a file or a
   *     directory that is not empty
   * @throws SampleException as {@link #draw()}, and if the stored tree does not prove a drawn
   *     record under the checkpoint
   * @throws IOException if the log cannot be read or the sample cannot be written
   */
  public Sample writeTo(Path out) throws IOException {
    Objects.requireNonNull(out, "out");
    return StagedDirectory.write(
        out,
        "sample directory",
        staging -> {
          Sample sample = run(staging);
          write(staging, MARKDOWN_FILE, sample.markdown());
          write(staging, JSON_FILE, sample.json());
          return sample;
        });
  }

  /** Draws the sample; writes the proofs into {@code dir} unless it is null. */
  private Sample run(Path dir) throws IOException {
    Path logDir = logDirectory(source);
    try (FileStore store = FileStore.openReadOnly(logDir)) {
      String note =
          store
              .latestCheckpoint()
              .orElseThrow(
                  () ->
                      new SampleException(
                          "log "
                              + logDir
                              + " has no signed checkpoint yet; nothing can be sampled or proved"));
      Checkpoint cp = checkpoint(logDir, note);
      long size = cp.size();
      long population = 0;
      Set<String> systems = new TreeSet<>();
      try (Stream<byte[]> entries = store.entries(0)) {
        Iterator<byte[]> it = entries.iterator();
        for (long i = 0; i < size; i++) {
          LoggedRecord r = decode(logDir, i, it.next());
          systems.add(r.system());
          if (matches(r)) {
            population++;
          }
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      if (system.isPresent() && !systems.contains(system.get())) {
        throw new IllegalArgumentException(
            "system '"
                + system.get()
                + "' has no record in log "
                + logDir
                + " up to checkpoint size "
                + size
                + "; its AI systems: "
                + (systems.isEmpty() ? "none" : String.join(", ", systems)));
      }
      if (count > population) {
        throw new IllegalArgumentException(
            "count "
                + count
                + " is more than the "
                + population
                + " records that match (filters: "
                + Sample.filters(type, system)
                + ") in log "
                + logDir
                + " up to checkpoint size "
                + size
                + (population == 0 ? "" : "; ask for at most " + population));
      }
      Set<Long> ranks = new SeededDraw(seed).ranks(population, count);
      List<SampledRecord> rows = new ArrayList<>(count);
      try (Stream<byte[]> entries = store.entries(0)) {
        Iterator<byte[]> it = entries.iterator();
        long rank = 0;
        for (long i = 0; i < size && rows.size() < count; i++) {
          byte[] entry = it.next();
          LoggedRecord r = decode(logDir, i, entry);
          if (!matches(r)) {
            continue;
          }
          if (ranks.contains(rank)) {
            rows.add(row(logDir, r));
            if (dir != null) {
              writeProof(store, logDir, dir, i, entry, cp, note);
            }
          }
          rank++;
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      return new Sample(
          seed,
          type,
          system,
          cp.origin(),
          size,
          Base64.getEncoder().encodeToString(cp.root()),
          verifier.map(NoteVerifier::keyName),
          population,
          rows);
    }
  }

  private Checkpoint checkpoint(Path logDir, String note) {
    if (verifier.isEmpty()) {
      return LogStore.checkpointOf(note);
    }
    try {
      return verifier.get().verifyCheckpoint(note);
    } catch (NoteException e) {
      throw new SampleException(
          "the latest checkpoint of log "
              + logDir
              + " does not verify with key "
              + verifier.get().keyName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private boolean matches(LoggedRecord r) {
    return type.map(t -> t == r.type()).orElse(true)
        && system.map(s -> s.equals(r.system())).orElse(true);
  }

  private static LoggedRecord decode(Path logDir, long index, byte[] entry) {
    try {
      return Envelope.decode(index, entry);
    } catch (MalformedLeafException e) {
      throw new SampleException(
          "log " + logDir + ": record " + index + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static SampledRecord row(Path logDir, LoggedRecord r) {
    EvidenceRecord record;
    try {
      record = r.record();
    } catch (MalformedLeafException e) {
      throw new SampleException(
          "log " + logDir + ": record " + r.index() + " cannot be read: " + e.getMessage(), e);
    }
    Optional<String> decision = Optional.empty();
    Optional<String> oversight = Optional.empty();
    if (record instanceof AiDecision d) {
      decision = Optional.of(d.decision());
      oversight = d.oversight().map(o -> outcome(o.outcome()));
    } else if (record instanceof OversightAction a) {
      oversight = Optional.of(outcome(a.outcome()));
    }
    return new SampledRecord(
        r.index(),
        r.occurredAt(),
        r.type(),
        r.system(),
        decision,
        oversight,
        proofFileName(r.index()));
  }

  private static String outcome(OversightOutcome o) {
    return o.name().toLowerCase(Locale.ROOT);
  }

  private static void writeProof(
      FileStore store, Path logDir, Path dir, long index, byte[] entry, Checkpoint cp, String note)
      throws IOException {
    List<byte[]> hashes;
    try {
      hashes = store.inclusionProof(index, cp.size());
      // A proof that does not lead to the signed root is never handed out.
      Proofs.verifyInclusion(index, cp.size(), MerkleHash.leaf(entry), hashes, cp.root());
    } catch (ProofException e) {
      throw new SampleException(
          "log "
              + logDir
              + ": the stored tree does not prove record "
              + index
              + " under the latest checkpoint ("
              + e.getMessage()
              + ")",
          e);
    }
    write(dir, proofFileName(index), TlogProof.of(index, entry, hashes, note).format());
  }

  /** Writes a new file {@code name} directly inside {@code dir}, refusing any other place. */
  private static void write(Path dir, String name, String text) throws IOException {
    Path file = inside(dir, name);
    Files.writeString(
        file,
        text,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
  }

  /**
   * Returns {@code dir/name}, refusing a name that is not a single plain file name: the names are
   * built from numbers and constants, and this keeps it so.
   */
  static Path inside(Path dir, String name) {
    Path base = dir.toAbsolutePath().normalize();
    Path file = base.resolve(name).normalize();
    if (name.isEmpty()
        || !base.equals(file.getParent())
        || !file.getFileName().toString().equals(name)) {
      throw new IllegalArgumentException(
          "refusing to write '" + name + "': it is not a file name inside " + dir);
    }
    return file;
  }

  /** Returns the log directory of {@code source}: itself, or the {@code log/} of an audit pack. */
  static Path logDirectory(Path source) {
    if (!Files.isDirectory(source)) {
      throw new IllegalArgumentException(
          "source " + source + " is not a directory (give a log directory or an audit pack)");
    }
    if (FileStore.isLogDirectory(source)) {
      return source;
    }
    Path packLog = source.resolve(AuditPack.LOG_DIR);
    if (FileStore.isLogDirectory(packLog)) {
      return packLog;
    }
    throw new IllegalArgumentException(
        "source "
            + source
            + " is neither an evidence log (no "
            + FileStore.logFiles().get(0)
            + ") nor an audit pack (no "
            + AuditPack.LOG_DIR
            + "/"
            + FileStore.logFiles().get(0)
            + ")");
  }

  /** Builds a {@link Sampler}; not thread-safe. */
  public static final class Builder {
    private Path source;
    private String seed;
    private int count;
    private RecordType type;
    private String system;
    private NoteVerifier verifier;

    private Builder() {}

    /** Sets the log directory, or the audit pack directory whose {@code log/} is sampled. */
    public Builder source(Path source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Sets the seed the auditor names: any non-blank text without control characters (it is written
     * into the summaries and hashed as UTF-8).
     *
     * @throws IllegalArgumentException naming the value when it is blank or holds a control
     *     character
     */
    public Builder seed(String seed) {
      Objects.requireNonNull(seed, "seed");
      if (seed.isBlank()) {
        throw new IllegalArgumentException("seed must not be blank, was \"" + seed + "\"");
      }
      if (seed.codePoints().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "seed must not contain control characters (line breaks, tabs), was \""
                + seed.replaceAll("\\p{Cntrl}", "?")
                + "\"");
      }
      this.seed = seed;
      return this;
    }

    /**
     * Sets how many records to draw.
     *
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public Builder count(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1, was " + count);
      }
      this.count = count;
      return this;
    }

    /** Draws only records of this type. */
    public Builder type(RecordType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /** Draws only records of this AI system id; an id with no record in the log is an error. */
    public Builder system(String system) {
      Objects.requireNonNull(system, "system");
      if (system.isBlank()) {
        throw new IllegalArgumentException("system must not be blank, was \"" + system + "\"");
      }
      this.system = system;
      return this;
    }

    /** Checks the checkpoint's signature with this key before sampling; refuses it if invalid. */
    public Builder verifier(NoteVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * Returns the sampler.
     *
     * @throws IllegalStateException naming the missing setting when source, seed or count is unset
     */
    public Sampler build() {
      if (source == null) {
        throw new IllegalStateException("source is not set");
      }
      if (seed == null) {
        throw new IllegalStateException("seed is not set");
      }
      if (count == 0) {
        throw new IllegalStateException("count is not set");
      }
      return new Sampler(this);
    }
  }
}
