/**
 * The offline verifier of evidence logs: {@link dev.aims.evidence.verify.LogVerifier} checks a log
 * directory (ours, or a C2SP tlog-tiles one) with nothing but the verifier keys, in constant
 * memory, and reports exactly what is wrong and where.
 *
 * <p>Auditors reach it through {@code aims verify DIR --key VKEY}; hosts may call it directly, for
 * example after restoring a backup. With a witness policy ({@code --witness VKEY --quorum K}) it
 * also checks the cosigned checkpoints kept with the log and reports the latest witnessed one
 * ({@link dev.aims.evidence.verify.Witnessed}).
 */
package dev.aims.evidence.verify;
