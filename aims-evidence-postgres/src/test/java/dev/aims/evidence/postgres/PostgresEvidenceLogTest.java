package dev.aims.evidence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceFailure;
import dev.aims.evidence.EvidenceListener;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogException;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.verify.Decisions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An {@link EvidenceLog} on the PostgreSQL store: receipts name final indexes in both durability
 * modes, two logs of one origin in one JVM write one log without a fork, and a database that goes
 * away mid-run makes appends fail loudly under either failure policy, never acknowledging a record
 * that is not stored.
 */
class PostgresEvidenceLogTest {
  private static final AtomicInteger LOGS = new AtomicInteger();
  private static final NoteSigner SIGNER = NoteSigner.generate("evidence-log.example/key");
  private static final AtomicLong NUMBERS = new AtomicLong();

  private static String newOrigin() {
    return "evidence-log.example/log-" + LOGS.incrementAndGet();
  }

  private static EvidenceLog open(
      DataSource ds,
      String origin,
      Durability durability,
      FailurePolicy policy,
      EvidenceListener listener)
      throws Exception {
    return EvidenceLog.builder()
        .store(PostgresLogStore.builder(ds).origin(origin).open())
        .origin(origin)
        .signer(SIGNER)
        .durability(durability)
        .failurePolicy(policy)
        .checkpointEvery(16, Duration.ofMillis(5))
        .listener(listener)
        .build();
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void receipts_nameFinalIndexes(Durability durability) throws Exception {
    DataSource ds = EmbeddedPostgres.shared().sharedPool();
    String origin = newOrigin();
    List<Receipt> receipts = Collections.synchronizedList(new ArrayList<>());
    try (EvidenceLog log =
        open(ds, origin, durability, FailurePolicy.FAIL_CLOSED, EvidenceListener.none())) {
      runThreads(
          4,
          thread -> {
            for (int i = 0; i < 50; i++) {
              Receipt r = log.append(Decisions.decision(NUMBERS.incrementAndGet()));
              if (durability == Durability.DURABLE) {
                assertThat(r.isDurable()).as("durable when append returns").isTrue();
              }
              receipts.add(r.await());
            }
          });
    }
    assertThat(receipts.stream().map(Receipt::index))
        .containsExactlyInAnyOrderElementsOf(LogAudit.range(200));
    // Another instance appends afterwards: what the receipts name stays where they said.
    try (EvidenceLog other =
        open(ds, origin, durability, FailurePolicy.FAIL_CLOSED, EvidenceListener.none())) {
      assertThat(other.append(Decisions.decision(NUMBERS.incrementAndGet())).await().index())
          .isEqualTo(200);
    }
    try (PostgresLogStore store = PostgresLogStore.builder(ds).origin(origin).open()) {
      for (Receipt r : receipts) {
        assertThat(store.entry(r.index())).isEqualTo(r.entry());
        assertThat(store.leafHash(r.index())).isEqualTo(r.leafHash());
      }
    }
    LogAudit.Result result = LogAudit.audit(ds, origin, SIGNER.verifier(), (i, e) -> {});
    assertThat(result.latest().size()).isEqualTo(201);
  }

  @Test
  void twoLogsInOneJvm_onOneOrigin_writeOneLogWithOneOrderAndNoFork() throws Exception {
    DataSource ds = EmbeddedPostgres.shared().sharedPool();
    String origin = newOrigin();
    List<Receipt> receipts = Collections.synchronizedList(new ArrayList<>());
    List<String> signedA = Collections.synchronizedList(new ArrayList<>());
    List<String> signedB = Collections.synchronizedList(new ArrayList<>());
    try (EvidenceLog a =
            open(ds, origin, Durability.DURABLE, FailurePolicy.FAIL_CLOSED, signedBy(signedA));
        EvidenceLog b =
            open(ds, origin, Durability.DURABLE, FailurePolicy.FAIL_CLOSED, signedBy(signedB))) {
      runThreads(
          8,
          thread -> {
            EvidenceLog log = thread % 2 == 0 ? a : b;
            for (int i = 0; i < 40; i++) {
              receipts.add(log.append(Decisions.decision(NUMBERS.incrementAndGet())));
            }
          });
    }
    int n = receipts.size();
    assertThat(n).isEqualTo(320);
    LogAudit.Result result = LogAudit.audit(ds, origin, SIGNER.verifier(), (i, e) -> {});
    assertThat(result.size()).isEqualTo(n);
    assertThat(result.latest().size()).isEqualTo(n);
    try (PostgresLogStore store = PostgresLogStore.builder(ds).origin(origin).open()) {
      Set<Long> indexes = new HashSet<>();
      for (Receipt r : receipts) {
        assertThat(indexes.add(r.index())).as("index %d named once", r.index()).isTrue();
        assertThat(store.entry(r.index())).isEqualTo(r.entry());
      }
      // Both logs signed into the one history of the origin.
      List<String> history = store.checkpoints().toList();
      assertThat(signedA).isNotEmpty();
      assertThat(signedB).isNotEmpty();
      assertThat(history).containsAll(signedA).containsAll(signedB);
    }
  }

  @Test
  void serverStoppedMidRun_failsLoudly_underEitherPolicy() throws Exception {
    Failures failures = new Failures();
    List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
    List<Receipt> failed = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger acksClosed = new AtomicInteger();
    AtomicInteger acksReporting = new AtomicInteger();
    EvidenceLog closing;
    EvidenceLog reporting;
    try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
      DataSource ds = pg.dataSource(pg.createDatabase());
      closing =
          open(
              ds,
              newOrigin(),
              Durability.DURABLE,
              FailurePolicy.FAIL_CLOSED,
              EvidenceListener.none());
      reporting =
          open(ds, newOrigin(), Durability.DURABLE, FailurePolicy.REPORT_AND_CONTINUE, failures);
      Writers writers = new Writers();
      writers.start(
          2,
          () -> {
            try {
              closing.append(Decisions.decision(NUMBERS.incrementAndGet()));
              acksClosed.incrementAndGet();
              return true;
            } catch (EvidenceLogException e) {
              thrown.add(e);
              return false;
            }
          });
      writers.start(
          2,
          () -> {
            Receipt r = reporting.append(Decisions.decision(NUMBERS.incrementAndGet()));
            if (r.isDurable()) {
              acksReporting.incrementAndGet();
            } else {
              failed.add(r);
            }
            return true;
          });
      await(() -> acksClosed.get() >= 20 && acksReporting.get() >= 20, "appends before the stop");
      pg.close();
      await(() -> thrown.size() == 2, "both fail-closed writers throw");
      await(() -> failed.size() >= 4, "failed receipts under report-and-continue");
      writers.stop();
    }
    assertThat(thrown).allSatisfy(e -> assertThat(e).isInstanceOf(EvidenceLogException.class));
    assertThatThrownBy(() -> closing.append(Decisions.decision(NUMBERS.incrementAndGet())))
        .isInstanceOf(EvidenceLogException.class);
    assertThatThrownBy(closing::close).isInstanceOf(EvidenceLogException.class);
    assertThat(failed)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(Receipt.Status.FAILED))
        .allSatisfy(r -> assertThat(failures.reported(r)).as("reported to the listener").isTrue());
    reporting.close();
  }

  @ParameterizedTest
  @EnumSource(FailurePolicy.class)
  void connectionsCutMidRun_neverAcknowledgeWhatIsNotStored(FailurePolicy policy) throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    String db = pg.createDatabase();
    DataSource direct = pg.dataSource(db);
    PostgresSchema.migrate(direct);
    String origin = newOrigin();
    Failures failures = new Failures();
    List<Receipt> acked = Collections.synchronizedList(new ArrayList<>());
    List<Receipt> failed = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
    try (CuttableProxy proxy = new CuttableProxy(pg.port())) {
      PGSimpleDataSource through = new PGSimpleDataSource();
      through.setServerNames(new String[] {"127.0.0.1"});
      through.setPortNumbers(new int[] {proxy.port()});
      through.setDatabaseName(db);
      through.setUser("postgres");
      EvidenceLog log = open(through, origin, Durability.DURABLE, policy, failures);
      Writers writers = new Writers();
      writers.start(
          4,
          () -> {
            try {
              Receipt r = log.append(Decisions.decision(NUMBERS.incrementAndGet()));
              (r.isDurable() ? acked : failed).add(r);
              return true;
            } catch (EvidenceLogException e) {
              thrown.add(e);
              return false;
            }
          });
      await(() -> acked.size() >= 20, "appends before the cut");
      proxy.cut();
      if (policy == FailurePolicy.FAIL_CLOSED) {
        await(() -> thrown.size() == 4, "every writer throws");
        proxy.restore();
        // The log stays failed until the host builds a new one.
        assertThatThrownBy(() -> log.append(Decisions.decision(NUMBERS.incrementAndGet())))
            .isInstanceOf(EvidenceLogException.class);
        writers.stop();
        assertThatThrownBy(log::close).isInstanceOf(EvidenceLogException.class);
      } else {
        await(() -> failed.size() >= 4, "failed receipts");
        int before = acked.size();
        proxy.restore();
        await(() -> acked.size() >= before + 20, "appends after the database is back");
        writers.stop();
        log.close();
      }
    }
    assertThat(failed)
        .allSatisfy(r -> assertThat(failures.reported(r)).as("reported to the listener").isTrue());
    try (PostgresLogStore store = PostgresLogStore.builder(direct).origin(origin).open()) {
      for (Receipt r : acked) {
        assertThat(store.entry(r.index())).as("acknowledged at %d", r.index()).isEqualTo(r.entry());
      }
    }
    // Entries from before the cut, and (when the log carried on) after it: one log, no fork.
    LogAudit.Result result = LogAudit.audit(direct, origin, SIGNER.verifier(), (i, e) -> {});
    assertThat(result.size()).isGreaterThanOrEqualTo(acked.size());
    if (policy == FailurePolicy.REPORT_AND_CONTINUE) {
      assertThat(result.latest().size()).isEqualTo(result.size());
    }
  }

  /** Collects the records reported lost, and the checkpoints, as a host's listener would. */
  private static final class Failures implements EvidenceListener {
    private final Set<ByteBuffer> lost = Collections.synchronizedSet(new HashSet<>());

    @Override
    public void onFailure(EvidenceFailure failure) {
      for (byte[] e : failure.entries()) {
        lost.add(ByteBuffer.wrap(e));
      }
    }

    boolean reported(Receipt r) {
      return lost.contains(ByteBuffer.wrap(r.entry()));
    }
  }

  private static EvidenceListener signedBy(List<String> notes) {
    return new EvidenceListener() {
      @Override
      public void onCheckpoint(String signedNote) {
        notes.add(signedNote);
      }
    };
  }

  /** Threads that repeat a step until it returns false or {@link #stop()} is called. */
  private static final class Writers {
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    interface Step {
      boolean run() throws Exception;
    }

    void start(int count, Step step) {
      for (int i = 0; i < count; i++) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    while (!stopped && step.run()) {
                      Thread.onSpinWait();
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        threads.add(t);
        t.start();
      }
    }

    void stop() throws InterruptedException {
      stopped = true;
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(t.isAlive()).as("writer stopped").isFalse();
      }
    }
  }

  /** The work of thread number {@code thread} of {@link #runThreads}. */
  private interface Body {
    void run(int thread) throws Exception;
  }

  private static void runThreads(int count, Body body) throws Exception {
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int thread = i;
      Thread t =
          new Thread(
              () -> {
                try {
                  body.run(thread);
                } catch (Throwable e) {
                  errors.add(e);
                }
              },
              "writer-" + i);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(errors).isEmpty();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(until);
      Thread.sleep(5);
    }
  }
}
