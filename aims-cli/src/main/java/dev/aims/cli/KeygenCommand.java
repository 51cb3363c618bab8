package dev.aims.cli;

import dev.aims.evidence.note.KeyFileException;
import dev.aims.evidence.note.KeyFiles;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aims keygen --name NAME --out DIR}: writes a new Ed25519 signer key for the evidence log's
 * checkpoints ({@code NAME.skey}, readable by the owner only) and its verifier key ({@code
 * NAME.vkey}) that auditors use to check the log offline. Never overwrites an existing key.
 */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generate an Ed25519 key pair for signing evidence-log checkpoints (C2SP signed-note).",
      "Writes NAME.skey (the secret signer key, mode 600) and NAME.vkey (the verifier key to give"
          + " to auditors). Characters of NAME other than letters, digits, '.', '_' and '-' become"
          + " '_' in the file names."
    })
public final class KeygenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description =
          "Key name, conventionally the log's origin, e.g. example.com/aims/credit-scoring (no"
              + " spaces or '+').")
  String name;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description =
          "Directory to write the key files into (created with its parents if missing; must not"
              + " be a file).")
  Path out;

  @Override
  public Integer call() {
    NoteSigner signer;
    try {
      signer = NoteSigner.generate(name);
    } catch (NoteException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--name: " + e.getMessage());
    }
    KeyFiles.Written written;
    try {
      written = KeyFiles.write(out, signer);
    } catch (KeyFileException e) {
      spec.commandLine().getErr().println("aims keygen: " + problem(e, out));
      return 1;
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(
        "signer key   "
            + written.signerKey()
            + "  (secret: keep it with the log writer, mode 600)");
    o.println("verifier key " + written.verifierKey());
    o.println(signer.verifier().vkey());
    return 0;
  }

  /**
   * The library's message with what to do about it on a keygen command line whose {@code --out} is
   * {@code out}.
   */
  static String problem(KeyFileException e, Path out) {
    String retry = "; remove it or choose another --out";
    return switch (e.problem()) {
      case DIRECTORY_IS_A_FILE ->
          "--out "
              + e.getMessage()
              + "; keygen writes NAME.skey and NAME.vkey into the directory that --out names";
      case PARENT_IS_A_FILE -> "--out " + e.getMessage();
      case KEY_FILE_IS_A_DIRECTORY -> e.getMessage() + retry;
      case KEY_FILE_EXISTS -> e.getMessage() + " and keygen never overwrites a key" + retry;
      case CANNOT_CREATE_DIRECTORY ->
          "cannot create the --out directory " + out + ": " + e.reason();
      case CANNOT_WRITE -> e.getMessage();
    };
  }
}
