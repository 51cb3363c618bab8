package dev.aims.cli;

import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.proof.TlogProof;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aims prove DIR --index N [--out FILE]}: writes a C2SP tlog-proof that the record at index
 * N is in the log, carrying the record's canonical bytes and the log's latest signed checkpoint, so
 * that {@code aims verify-proof FILE --key VKEY} checks it with nothing but the public key. The
 * proof is built from stored tree nodes (O(log n) reads) and checked against the checkpoint's root
 * before it is written.
 */
@Command(
    name = "prove",
    mixinStandardHelpOptions = true,
    description = {
      "Write an inclusion proof (C2SP tlog-proof) for one record of an evidence log, with the"
          + " record's canonical bytes and the latest signed checkpoint.",
      "Check it with 'aims verify-proof FILE --key VKEY'. Exit code 0 when written, 1 when the"
          + " record cannot be proved, 2 on unusable input."
    })
public final class ProveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The log directory.")
  Path dir;

  @Option(
      names = "--index",
      required = true,
      paramLabel = "N",
      description = "The record's index in the log (from 0).")
  long index;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the proof to FILE (e.g. record-N.tlog-proof) instead of stdout.")
  Path outFile;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FileStore store = LogCommand.openLog(dir, err);
    if (store == null) {
      return 2;
    }
    try (store) {
      long size = store.size();
      if (index < 0 || index >= size) {
        err.println(
            "FAILED: --index must be within 0.."
                + (size - 1)
                + " (the log holds "
                + size
                + " records), was "
                + index);
        return 2;
      }
      Optional<String> latest = store.latestCheckpoint();
      Checkpoint cp = latest.map(LogStore::checkpointOf).orElse(null);
      if (cp == null || cp.size() <= index) {
        err.println(
            "FAILED: record "
                + index
                + " is not covered by a signed checkpoint yet (the latest covers "
                + (cp == null ? 0 : cp.size())
                + " records); let the log write one, then prove again");
        return 1;
      }
      String proof;
      try {
        proof = TlogProof.prove(store, index, latest.get()).format();
      } catch (ProofException e) {
        err.println(
            "FAILED: the stored tree does not prove record "
                + index
                + " under the latest checkpoint ("
                + e.getMessage()
                + "); run 'aims verify' on the log");
        return 1;
      }
      if (outFile == null) {
        out.print(proof);
        out.flush();
      } else {
        Files.writeString(outFile, proof);
        out.println(
            "wrote proof of record "
                + index
                + " under checkpoint "
                + cp.origin()
                + " size "
                + cp.size()
                + " to "
                + outFile);
      }
      return 0;
    }
  }
}
