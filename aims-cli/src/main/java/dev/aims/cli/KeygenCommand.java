package dev.aims.cli;

import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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
      description = "Directory to write the key files into (created if missing).")
  Path out;

  @Override
  public Integer call() throws IOException {
    NoteSigner signer;
    try {
      signer = NoteSigner.generate(name);
    } catch (NoteException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--name: " + e.getMessage());
    }
    String base = fileName(name);
    Path skey = out.resolve(base + ".skey");
    Path vkey = out.resolve(base + ".vkey");
    PrintWriter err = spec.commandLine().getErr();
    for (Path p : new Path[] {skey, vkey}) {
      if (Files.exists(p)) {
        err.println("aims keygen: " + p + " already exists; remove it or choose another --out");
        return 1;
      }
    }
    Files.createDirectories(out);
    writeSecret(skey, signer.skey() + "\n");
    try {
      Files.writeString(vkey, signer.verifier().vkey() + "\n", StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      err.println("aims keygen: " + vkey + " already exists; remove it or choose another --out");
      return 1;
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println("signer key   " + skey + "  (secret: keep it with the log writer, mode 600)");
    o.println("verifier key " + vkey);
    o.println(signer.verifier().vkey());
    return 0;
  }

  /** Makes a key name safe as a file name, keeping it readable. */
  static String fileName(String keyName) {
    return keyName.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static void writeSecret(Path file, String text) throws IOException {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // Created with mode 600 from the start, so the key is never readable by others.
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, data, StandardOpenOption.TRUNCATE_EXISTING);
    } else {
      Files.write(file, data, StandardOpenOption.CREATE_NEW);
      file.toFile().setReadable(false, false);
      file.toFile().setReadable(true, true);
      file.toFile().setWritable(false, false);
      file.toFile().setWritable(true, true);
    }
  }
}
