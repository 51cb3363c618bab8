package dev.aims.cli;

import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
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
    String base = fileName(name);
    Path skey = out.resolve(base + ".skey");
    Path vkey = out.resolve(base + ".vkey");
    PrintWriter err = spec.commandLine().getErr();
    String problem = outProblem(skey, vkey);
    if (problem == null) {
      problem = write(skey, vkey, signer);
    }
    if (problem != null) {
      err.println("aims keygen: " + problem);
      return 1;
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println("signer key   " + skey + "  (secret: keep it with the log writer, mode 600)");
    o.println("verifier key " + vkey);
    o.println(signer.verifier().vkey());
    return 0;
  }

  /**
   * What stops the key files from being written into {@code --out}, naming the file and what was
   * expected; null when nothing does.
   */
  private String outProblem(Path skey, Path vkey) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      return "--out "
          + out
          + " is a file, not a directory; keygen writes NAME.skey and NAME.vkey into the"
          + " directory that --out names";
    }
    Path ancestor = out.toAbsolutePath().getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (!Files.exists(out) && ancestor != null && !Files.isDirectory(ancestor)) {
      return "--out "
          + out
          + " cannot be created: its parent "
          + ancestor
          + " is a file, not a directory";
    }
    for (Path p : new Path[] {skey, vkey}) {
      String what = keyFile(p, skey);
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        return what
            + " "
            + p
            + " is a directory, where the new key file was to be written;"
            + " remove it or choose another --out";
      }
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        return what
            + " "
            + p
            + " already exists and keygen never overwrites a key; remove it"
            + " or choose another --out";
      }
    }
    return null;
  }

  /** Writes both key files; on failure removes what it wrote and says what went wrong. */
  private String write(Path skey, Path vkey, NoteSigner signer) {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      return "cannot create the --out directory " + out + ": " + reason(e);
    }
    try {
      writeSecret(skey, signer.skey() + "\n");
    } catch (IOException e) {
      return "cannot write the signer key file " + skey + ": " + reason(e);
    }
    try {
      Files.writeString(vkey, signer.verifier().vkey() + "\n", StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      // Half a key pair is useless and would make the next run fail as "already exists".
      String removed;
      try {
        Files.delete(skey);
        removed = "; the signer key file " + skey + " was removed again";
      } catch (IOException d) {
        removed = "; the signer key file " + skey + " could not be removed: " + reason(d);
      }
      return "cannot write the verifier key file " + vkey + ": " + reason(e) + removed;
    }
    return null;
  }

  private static String keyFile(Path p, Path skey) {
    return p.equals(skey) ? "signer key file" : "verifier key file";
  }

  /** What went wrong, in words; a bare NIO message is often only the path. */
  private static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException x) {
      return (x.getFile() == null ? "it" : x.getFile()) + " already exists and is not a directory";
    }
    if (e instanceof NoSuchFileException x) {
      return (x.getFile() == null ? "a parent directory" : x.getFile()) + " does not exist";
    }
    if (e instanceof AccessDeniedException x) {
      return "permission denied" + (x.getFile() == null ? "" : " on " + x.getFile());
    }
    if (e instanceof FileSystemException x && x.getReason() != null) {
      return x.getReason();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** Makes a key name safe as a file name, keeping it readable. */
  static String fileName(String keyName) {
    return keyName.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /**
   * Writes a new secret file, owner-only (600) from the moment it exists on POSIX file systems.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists
   */
  static void writeSecret(Path file, String text) throws IOException {
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
