package dev.aims.cli;

import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.store.FileLayout;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies an audit pack offline with the log's verifier key: the manifest's signature, every
 * listed file's size and SHA-256 digest, that no file was added, and the evidence log in {@code
 * log/} (every entry, leaf hash, tree node and checkpoint, through {@link LogVerifier}). Each
 * problem names the file, and for the log the entry index.
 */
public final class PackVerifier {
  /** The pack's evidence-log directory. */
  static final String LOG_DIR = "log";

  /** The pack's copy of the log's verifier key. */
  static final String VKEY_FILE = "log.vkey";

  /**
   * What verification found.
   *
   * @param files the number of files whose digest was checked
   * @param log the log's verification result, when the log could be verified at all
   * @param problems every problem, each naming the file (and for the log, the entry index)
   */
  public record Result(int files, Optional<VerificationResult> log, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    /** Returns whether every check held. */
    public boolean ok() {
      return problems.isEmpty() && log.map(VerificationResult::ok).orElse(false);
    }
  }

  private PackVerifier() {}

  /** Returns whether {@code dir} looks like an audit pack (has a manifest). */
  static boolean isPack(Path dir) {
    return Files.isRegularFile(dir.resolve(PackManifest.FILE));
  }

  /** Verifies the pack in {@code pack} with {@code key}. Never throws for a damaged pack. */
  public static Result verify(Path pack, NoteVerifier key) {
    List<String> problems = new ArrayList<>();
    Map<String, PackManifest.Entry> entries;
    try {
      String note = Files.readString(pack.resolve(PackManifest.FILE), StandardCharsets.UTF_8);
      entries = PackManifest.parse(key.verify(note));
    } catch (NoteException e) {
      problems.add(
          PackManifest.FILE
              + ": signature does not verify with "
              + key.vkey()
              + ": "
              + e.getMessage());
      return new Result(0, Optional.empty(), problems);
    } catch (IOException | IllegalArgumentException e) {
      problems.add(PackManifest.FILE + ": " + e.getMessage());
      return new Result(0, Optional.empty(), problems);
    }
    int checked = 0;
    for (PackManifest.Entry e : entries.values()) {
      Path file = pack.resolve(e.path()).normalize();
      if (!file.startsWith(pack.normalize())) {
        problems.add(e.path() + ": path leaves the pack");
        continue;
      }
      try {
        if (!Files.isRegularFile(file)) {
          problems.add(e.path() + ": listed in the manifest but missing");
          continue;
        }
        long size = Files.size(file);
        String digest = PackManifest.digest(file);
        checked++;
        if (size != e.size() || !digest.equals(e.digest())) {
          problems.add(
              e.path()
                  + ": content differs from the manifest (size "
                  + size
                  + ", manifest "
                  + e.size()
                  + "; "
                  + digest
                  + ", manifest "
                  + e.digest()
                  + ")");
        }
      } catch (IOException ex) {
        problems.add(e.path() + ": cannot be read: " + ex.getMessage());
      }
    }
    try {
      for (String f : PackManifest.unlisted(pack, entries)) {
        problems.add(f + ": not listed in the manifest");
      }
    } catch (IOException ex) {
      problems.add(".: cannot list the pack: " + ex.getMessage());
    }
    VerificationResult log = LogVerifier.verify(pack.resolve(LOG_DIR), key);
    for (Problem p : log.problems()) {
      StringBuilder line = new StringBuilder(LOG_DIR).append('/').append(p.file());
      p.entryIndex().ifPresent(i -> line.append(" record ").append(i));
      p.byteOffset().ifPresent(o -> line.append(" byte ").append(o));
      problems.add(line.append(": ").append(p.check()).append(": ").append(p.message()).toString());
    }
    if (log.omittedProblems() > 0) {
      problems.add(LOG_DIR + ": " + log.omittedProblems() + " further problems not listed");
    }
    return new Result(checked, Optional.of(log), problems);
  }

  /**
   * Verifies the pack in {@code pack} for the command line and prints the outcome, returning the
   * exit code: 0 when everything holds, 1 otherwise. With {@code keyFromPack}, the key was read
   * from the pack itself and a warning says that this proves integrity, not origin.
   */
  static int run(
      Path pack, NoteVerifier key, boolean keyFromPack, PrintWriter out, PrintWriter err) {
    if (keyFromPack) {
      err.println(
          "aims: warning: no --key given; using the pack's own "
              + VKEY_FILE
              + ". That proves the pack is intact, not who wrote it: pass the verifier key you"
              + " obtained independently with --key.");
    }
    Result r = verify(pack, key);
    if (r.ok()) {
      VerificationResult log = r.log().orElseThrow();
      out.printf(
          "OK audit pack %s: manifest signed by %s; %d files match; log %d entries, %d"
              + " checkpoints%n",
          pack, key.name(), r.files(), log.entries(), log.checkpoints());
      return 0;
    }
    err.printf("FAILED audit pack %s: %d problem(s)%n", pack, r.problems().size());
    for (String p : r.problems()) {
      err.println("  " + p);
    }
    return 1;
  }

  /**
   * Reads a verifier key file, such as the pack's own {@code log.vkey}.
   *
   * @throws IOException if the file cannot be read
   * @throws NoteException if it holds no valid verifier key (never repeating a signer key)
   */
  static NoteVerifier readKey(Path file) throws IOException {
    return NoteVerifier.parse(Files.readString(file, StandardCharsets.UTF_8).trim());
  }

  /**
   * Returns why {@code dir} cannot be verified as an audit pack (it is not a directory, or has no
   * manifest), naming the path and what was expected; {@code null} when it has a manifest.
   */
  static String notAPack(Path dir) {
    if (!Files.exists(dir)) {
      return dir + " does not exist; expected an audit pack directory";
    }
    if (!Files.isDirectory(dir)) {
      return dir + " is not an audit pack: not a directory; expected an audit pack directory";
    }
    if (isPack(dir)) {
      return null;
    }
    String found =
        FileLayout.isLogDirectory(dir)
            ? " (it is an evidence log directory: verify it with 'aims verify "
                + dir
                + " --key VKEY')"
            : "";
    return dir
        + " is not an audit pack: no "
        + PackManifest.FILE
        + "; expected a directory as 'aims export --out' writes it ("
        + PackManifest.FILE
        + ", "
        + VKEY_FILE
        + ", "
        + LOG_DIR
        + "/, records/, reports/)"
        + found;
  }
}
