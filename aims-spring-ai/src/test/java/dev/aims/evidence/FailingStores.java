package dev.aims.evidence;

import dev.aims.evidence.spi.LogStore;

/** Opens aims-evidence's test store to this module's tests: a store whose appends all fail. */
public final class FailingStores {
  private FailingStores() {}

  /** Returns an in-memory store whose every append fails with an {@code IOException}. */
  public static LogStore failingAppends() {
    ControlledStore store = new ControlledStore();
    store.failAppends = true;
    return store;
  }
}
