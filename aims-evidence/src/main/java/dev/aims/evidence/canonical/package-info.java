/**
 * RFC 8785 canonical JSON (JCS), our own parser and writer: the byte form of every evidence-log
 * leaf. {@link dev.aims.evidence.canonical.CanonicalJson#canonicalize(byte[])} implements the full
 * RFC 8785; {@link dev.aims.evidence.canonical.CanonicalJson#canonicalizeStrict(byte[])} and {@link
 * dev.aims.evidence.canonical.CanonicalJson#write(Object)} implement the log's leaf profile, which
 * also rejects floating-point numbers and integers beyond ±(2<sup>53</sup>−1), so that every leaf
 * means the same to every reader.
 */
package dev.aims.evidence.canonical;
