/**
 * The C2SP {@code tlog-tiles} exchange layout: hash tiles of 256 hashes per level, entry bundles
 * and a signed checkpoint in a directory any tlog-tiles tool can read. {@link
 * dev.aims.evidence.tiles.TileLogWriter} writes a log in this layout; {@link
 * dev.aims.evidence.tiles.TileLogVerifier} checks one with nothing but the verifier key, treating
 * entries as opaque bytes and naming the file, index and check that failed. {@link
 * dev.aims.evidence.tiles.TileExport} exports a verified evidence log directory in this layout.
 */
package dev.aims.evidence.tiles;
