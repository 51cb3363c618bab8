package dev.aims.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that completes the stages of {@link EvidenceLog#appendAsync}: the writer hands it each
 * group of receipts it has just made durable (or failed), in log order, and this thread completes
 * their stages in that order. Dependent actions that the host attached with non-async methods run
 * here, not on the writer thread, so that a slow action delays other stages but never the group
 * commit.
 *
 * <p>Started on the first asynchronous append, so that a log used only with {@link
 * EvidenceLog#append} runs no extra thread; stopped by {@link EvidenceLog#close()} after the
 * writer. Memory stays bounded: once {@code limit} records wait here, appending threads wait for
 * room (back-pressure), unless the appending thread is this one.
 */
final class StageCompleter implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceLog.class);
  private static final List<Receipt> STOP = List.of();

  private final LinkedBlockingQueue<List<Receipt>> groups = new LinkedBlockingQueue<>();
  // Records handed over to the thread, and those of them whose stages it has completed.
  private final AtomicLong handed = new AtomicLong();
  private final AtomicLong settled = new AtomicLong();
  private final long limit;
  private final String name;
  private final Object room = new Object();
  private volatile int waiting;
  private volatile Thread thread;
  private volatile boolean stopped;

  StageCompleter(String name, long limit) {
    this.name = name;
    this.limit = limit;
  }

  /** Starts the thread unless it runs or was stopped. */
  void start() {
    if (thread != null) {
      return;
    }
    synchronized (this) {
      if (thread == null && !stopped) {
        Thread t = new Thread(this, name);
        t.setDaemon(true);
        t.start();
        thread = t;
      }
    }
  }

  /**
   * Waits while {@code limit} records wait for their stages to complete; never waits on this thread
   * (a dependent action that appends again) or once stopped.
   */
  void awaitRoom() throws InterruptedException {
    if (backlog() < limit || Thread.currentThread() == thread) {
      return;
    }
    synchronized (room) {
      waiting++;
      try {
        while (backlog() >= limit && !stopped) {
          room.wait();
        }
      } finally {
        waiting--;
      }
    }
  }

  private long backlog() {
    return handed.get() - settled.get();
  }

  /**
   * Waits until every stage handed over before this call is complete; returns at once on this
   * thread (a dependent action that flushes), where waiting would never end.
   */
  void awaitSettled() throws InterruptedException {
    long target = handed.get();
    Thread t = thread;
    if (settled.get() >= target || t == null || Thread.currentThread() == t) {
      return;
    }
    synchronized (room) {
      waiting++;
      try {
        // stop() settles what the thread left, and counts it, before it wakes the waiters.
        while (settled.get() < target) {
          room.wait();
        }
      } finally {
        waiting--;
      }
    }
  }

  /**
   * Hands over receipts whose status is final, in log order. Without a running thread (a log
   * closing), completes them on the calling thread, so that no stage is ever left pending.
   */
  void submit(List<Receipt> group) {
    if (group.isEmpty()) {
      return;
    }
    if (thread == null || stopped) {
      settle(group);
      return;
    }
    handed.addAndGet(group.size());
    groups.add(group);
  }

  @Override
  public void run() {
    while (true) {
      List<Receipt> group;
      try {
        group = groups.take();
      } catch (InterruptedException e) {
        // Only a dependent action interrupts this thread; it is not a request to stop.
        continue;
      }
      if (group == STOP) {
        return;
      }
      settle(group);
      settled.addAndGet(group.size());
      if (waiting > 0) {
        wakeWaiters();
      }
    }
  }

  private void wakeWaiters() {
    synchronized (room) {
      room.notifyAll();
    }
  }

  private static void settle(List<Receipt> group) {
    for (int i = 0, n = group.size(); i < n; i++) {
      try {
        group.get(i).settleStage();
      } catch (RuntimeException e) {
        // CompletableFuture keeps a dependent action's exception in the dependent stage; this is
        // only for the unexpected, which must not leave the later stages pending.
        LOG.error("completing an evidence stage failed", e);
      }
    }
  }

  /**
   * Completes every stage handed over so far, then stops the thread and waits for it (unless called
   * from it). Stages handed over later complete on the calling thread.
   */
  void stop() {
    Thread t;
    synchronized (this) {
      stopped = true;
      t = thread;
    }
    wakeWaiters();
    if (t == null) {
      return;
    }
    groups.add(STOP);
    if (t == Thread.currentThread()) {
      return;
    }
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    List<List<Receipt>> late = new ArrayList<>();
    groups.drainTo(late);
    for (List<Receipt> group : late) {
      settle(group);
      settled.addAndGet(group.size());
    }
    wakeWaiters();
  }
}
