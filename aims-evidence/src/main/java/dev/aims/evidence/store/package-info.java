/**
 * The log stores: {@link dev.aims.evidence.store.FileStore}, the default append-only directory on
 * local disk, and {@link dev.aims.evidence.store.InMemoryStore} for tests.
 *
 * <p>Both implement {@link dev.aims.evidence.spi.LogStore}. {@link
 * dev.aims.evidence.internal.FileLayout} documents the directory layout, which the verifier reads
 * without going through a store. {@link dev.aims.evidence.store.UpperLevels} and {@link
 * dev.aims.evidence.store.BlockProofs} (not API) keep the tree above 512-leaf blocks in memory and
 * build a proof from one read of the node file.
 */
package dev.aims.evidence.store;
