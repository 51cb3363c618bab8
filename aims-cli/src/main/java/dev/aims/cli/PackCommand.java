package dev.aims.cli;

import dev.aims.audit.pack.AuditPack;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aims pack}: audit packs; {@code aims pack verify PACK [--key VKEY]} verifies one. */
@Command(
    name = "pack",
    mixinStandardHelpOptions = true,
    description = "Audit packs: a signed manifest, the evidence log, records, reports.",
    subcommands = {PackCommand.Verify.class})
final class PackCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code aims pack verify}: checks the manifest signature, every digest and the log. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Verify an audit pack: the manifest's signature, every file's SHA-256, no added files,"
              + " and the evidence log. Exit code 0 only when everything holds.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PACK", description = "The audit pack directory.")
    Path pack;

    @Option(
        names = "--key",
        paramLabel = "VKEY",
        description =
            "The log's verifier key (a .vkey file, or the key text), obtained independently of the"
                + " pack (default: the pack's own log.vkey, with a warning).")
    String key;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Optional<String> problem = AuditPack.notAPack(pack);
      if (problem.isPresent()) {
        err.println("FAILED: " + problem.get());
        return 2;
      }
      NoteVerifier verifier;
      if (key != null) {
        verifier = VerifyKeys.verifier(spec, "--key", key);
      } else {
        Path own = pack.resolve(AuditPack.VKEY_FILE);
        try {
          verifier = AuditPack.readKey(own);
        } catch (IOException | NoteException e) {
          err.println("FAILED: " + own + ": " + e.getMessage() + "; pass the log's key with --key");
          return 2;
        }
      }
      return PackVerifier.run(pack, verifier, key == null, spec.commandLine().getOut(), err);
    }
  }
}
