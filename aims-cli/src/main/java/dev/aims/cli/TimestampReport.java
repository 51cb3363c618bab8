package dev.aims.cli;

import dev.aims.timestamp.StoredTimestamp;
import dev.aims.timestamp.TimestampVerifier;
import dev.aims.timestamp.Timestamps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Checks the RFC 3161 timestamps stored beside a log ({@code timestamps/<size>.tsr}) for {@code
 * aims verify --tsa-cert}, through {@link Timestamps#verifyLog}, and prints one line per token: its
 * checkpoint's time and TSA on stdout when it holds, else the check that failed on stderr.
 */
final class TimestampReport {
  private TimestampReport() {}

  /**
   * Reads the TSA certificate given with {@code option}; a file that is missing or holds no
   * certificate is a parameter error naming it.
   */
  static X509Certificate certificate(CommandSpec spec, String option, Path file) {
    try {
      return TimestampVerifier.readCertificate(file);
    } catch (IOException | IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          option
              + ": "
              + (e instanceof IllegalArgumentException
                  ? e.getMessage()
                  : "cannot read TSA certificate " + file + ": " + e));
    }
  }

  /**
   * Checks every token beside the log in {@code logDir} with {@code tsa} and prints the outcome,
   * returning the exit code: 0 when there are tokens and every one holds, 1 otherwise (a log with
   * no token fails too: the caller asked for trusted time and there is none).
   */
  static int run(Path logDir, X509Certificate tsa, PrintWriter out, PrintWriter err) {
    List<StoredTimestamp> results;
    try {
      results = Timestamps.verifyLog(logDir, tsa);
    } catch (IOException | RuntimeException e) {
      err.println(
          "FAILED: cannot read the checkpoint history of " + logDir + " for its timestamps: " + e);
      return 1;
    }
    if (results.isEmpty()) {
      err.println(
          "FAILED: no timestamps in "
              + logDir.resolve(Timestamps.DIRECTORY)
              + " to check with --tsa-cert");
      return 1;
    }
    boolean ok = true;
    for (StoredTimestamp r : results) {
      if (r.ok()) {
        out.println(r.summary());
      } else {
        err.println("FAILED: " + r.summary());
        ok = false;
      }
    }
    return ok ? 0 : 1;
  }
}
