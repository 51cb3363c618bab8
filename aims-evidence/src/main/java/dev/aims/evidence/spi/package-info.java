/**
 * The storage SPI of the evidence log: {@link dev.aims.evidence.spi.LogStore}, the contract a store
 * must meet so that the log stays append-only, durable and provable.
 *
 * <p>Hosts normally never touch this package: {@code EvidenceLog} opens the default file store.
 * Implement {@link dev.aims.evidence.spi.LogStore} only to keep the log somewhere else, and prove
 * the implementation with the published contract test ({@code LogStoreContract}).
 */
package dev.aims.evidence.spi;
