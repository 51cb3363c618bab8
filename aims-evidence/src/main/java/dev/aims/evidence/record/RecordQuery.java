package dev.aims.evidence.record;

import dev.aims.evidence.spi.LogStore;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which records to read back from a log: by AI system, by type, by the time they occurred, from an
 * index on. Every criterion left unset matches everything.
 *
 * <p>{@link #select(LogStore)} streams the store's entries in order and decodes each, so reading
 * any log takes constant memory. Immutable and thread-safe.
 *
 * <pre>{@code
 * RecordQuery q = RecordQuery.builder()
 *     .system("credit-scoring")
 *     .types(RecordType.AI_DECISION)
 *     .from(Instant.parse("2026-03-01T00:00:00Z"))
 *     .to(Instant.parse("2026-04-01T00:00:00Z"))
 *     .build();
 * }</pre>
 */
public final class RecordQuery {
  private static final RecordQuery ALL = new Builder().build();

  private final Optional<String> system;
  private final Set<RecordType> types;
  private final Optional<Instant> from;
  private final Optional<Instant> to;
  private final long fromIndex;

  private RecordQuery(Builder b) {
    this.system = b.system;
    this.types = b.types.isEmpty() ? EnumSet.allOf(RecordType.class) : EnumSet.copyOf(b.types);
    this.from = b.from;
    this.to = b.to;
    this.fromIndex = b.fromIndex;
  }

  /** Returns the query that matches every record. */
  public static RecordQuery all() {
    return ALL;
  }

  /**
   * Reads a bound of the time of occurrence: an instant ({@code 2026-03-01T09:30:00Z}), or a date
   * ({@code 2026-03-01}) meaning its start in UTC.
   *
   * @throws IllegalArgumentException quoting the text when it is neither
   */
  public static Instant instantOrDate(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(
            "'" + text + "' is neither an instant (2026-03-01T09:30:00Z) nor a date (2026-03-01)");
      }
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the AI system id records must have, if set. */
  public Optional<String> system() {
    return system;
  }

  /** Returns the types records must have (every type when none was set). */
  public Set<RecordType> types() {
    return Set.copyOf(types);
  }

  /** Returns the instant at or after which records must have occurred, if set. */
  public Optional<Instant> from() {
    return from;
  }

  /** Returns the instant before which records must have occurred, if set. */
  public Optional<Instant> to() {
    return to;
  }

  /** Returns the first index to read. */
  public long fromIndex() {
    return fromIndex;
  }

  /** Returns whether {@code record} meets every criterion of this query. */
  public boolean matches(LoggedRecord record) {
    if (record.index() < fromIndex || !types.contains(record.type())) {
      return false;
    }
    if (system.isPresent() && !system.get().equals(record.system())) {
      return false;
    }
    Instant t = record.occurredAt();
    return (from.isEmpty() || !t.isBefore(from.get())) && (to.isEmpty() || t.isBefore(to.get()));
  }

  /**
   * Streams the records of {@code store} that match, in log order, reading entries as the stream
   * advances. The caller must close the stream. Sequential only.
   *
   * @throws IOException if the store cannot be read
   * @throws MalformedLeafException (while streaming) on an entry that is not an evidence record
   */
  public Stream<LoggedRecord> select(LogStore store) throws IOException {
    long start = Math.min(fromIndex, store.size());
    long[] next = {start};
    return store
        .entries(start)
        .map(entry -> LoggedRecord.decode(next[0]++, entry))
        .filter(this::matches);
  }

  @Override
  public String toString() {
    return "RecordQuery[system="
        + system.orElse("*")
        + ", types="
        + types
        + ", from="
        + from.map(Instant::toString).orElse("*")
        + ", to="
        + to.map(Instant::toString).orElse("*")
        + ", fromIndex="
        + fromIndex
        + "]";
  }

  /** Builds a {@link RecordQuery}; not thread-safe. */
  public static final class Builder {
    private Optional<String> system = Optional.empty();
    private final Set<RecordType> types = EnumSet.noneOf(RecordType.class);
    private Optional<Instant> from = Optional.empty();
    private Optional<Instant> to = Optional.empty();
    private long fromIndex;

    private Builder() {}

    /**
     * Matches only records of this AI system.
     *
     * @throws IllegalArgumentException if {@code id} is not an AI system id
     */
    public Builder system(String id) {
      if (!Violations.isSlug(id)) {
        throw new IllegalArgumentException("system '" + id + "' is not an AI system id");
      }
      this.system = Optional.of(id);
      return this;
    }

    /** Matches only records of these types (adds to types set before). */
    public Builder types(RecordType... types) {
      for (RecordType t : types) {
        this.types.add(t);
      }
      return this;
    }

    /** Matches only records that occurred at or after {@code from}. */
    public Builder from(Instant from) {
      this.from = Optional.of(from);
      return this;
    }

    /** Matches only records that occurred before {@code to}. */
    public Builder to(Instant to) {
      this.to = Optional.of(to);
      return this;
    }

    /**
     * Starts reading at entry {@code index}.
     *
     * @throws IllegalArgumentException if {@code index} is negative
     */
    public Builder fromIndex(long index) {
      if (index < 0) {
        throw new IllegalArgumentException("fromIndex must not be negative, but was " + index);
      }
      this.fromIndex = index;
      return this;
    }

    /**
     * Builds the query.
     *
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     */
    public RecordQuery build() {
      if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
        throw new IllegalArgumentException(
            "to (" + to.get() + ") must be after from (" + from.get() + ")");
      }
      return new RecordQuery(this);
    }
  }
}
