/**
 * Internal to aims-evidence, not API: the file store's on-disk layout ({@link
 * dev.aims.evidence.internal.FileLayout}), shared by the store ({@code dev.aims.evidence.store})
 * and the verifier ({@code dev.aims.evidence.verify}), which reads the files independently of the
 * store's own reader.
 *
 * <p>Nothing outside aims-evidence's main code depends on this package (a test holds every other
 * module's main code to it; the benchmarks, which write synthetic node files, are the one
 * exception): other modules open a log through {@code FileStore} ({@code isLogDirectory}, {@code
 * logFiles}, {@code openReadOnly}) and verify it through {@code LogVerifier}. It may change without
 * notice; the format itself is documented on {@code FileLayout} and in the README.
 */
package dev.aims.evidence.internal;
