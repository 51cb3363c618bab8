package dev.aims.evidence;

import static dev.aims.evidence.TestRecords.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.RecordQuery;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class NoopEvidenceLogTest {

  @Test
  void noop_storesNothingAndHandsOutOneDiscardedReceipt() {
    EvidenceLog log = EvidenceLog.noop();
    Receipt r = log.append(decision(1));
    assertThat(log.append(decision(2))).isSameAs(r);
    assertThat(r.status()).isEqualTo(Receipt.Status.DISCARDED);
    assertThat(r.indexIfDurable()).isEmpty();
    assertThatThrownBy(r::index).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(r::await).isInstanceOf(EvidenceLogException.class);
    assertThat(log.records(RecordQuery.all())).isEmpty();
    assertThat(log.size()).isZero();
    assertThat(log.opening(log.commit("secret"))).isEmpty();
    log.flush();
    log.close();
    log.close();
    assertThat(EvidenceLog.noop()).isSameAs(log);
  }

  @Test
  void noop_append_allocatesNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    // JUnit's assumptions, not AssertJ's: those build proxy classes, which takes seconds.
    boolean measurable =
        bean instanceof com.sun.management.ThreadMXBean
            && ((com.sun.management.ThreadMXBean) bean).isThreadAllocatedMemorySupported();
    // Other JVMs may not count allocations; the build's must, so under CI a skip is a failure.
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertThat(measurable).as("CI=true but this JVM cannot count thread allocations").isTrue();
    }
    assumeTrue(measurable);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    threads.setThreadAllocatedMemoryEnabled(true);
    EvidenceLog log = EvidenceLog.noop();
    AiDecision d = decision(1);
    long id = Thread.currentThread().getId();
    for (int i = 0; i < 10_000; i++) {
      log.append(d);
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 100_000; i++) {
      log.append(d);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    // A few hundred bytes at most come from the measurement itself, none from the calls.
    assertThat(allocated).isLessThan(4_096);
  }
}
