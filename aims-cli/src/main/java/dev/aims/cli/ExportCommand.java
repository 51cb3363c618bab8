package dev.aims.cli;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.store.FileLayout;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.tiles.TileLogWriter;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aims export DIR --tiles OUT --key SKEY}: writes an evidence log as a C2SP tlog-tiles
 * directory (hash tiles, entry bundles and a checkpoint signed with the log's signer key), the
 * exchange layout that any tlog-tiles tool can check, and that {@code aims verify OUT --key VKEY}
 * accepts.
 *
 * <p>Signing a fresh checkpoint vouches for the entries, so the log is checked first: the signer
 * key must be the one that signed the log's latest checkpoint, and the whole log must verify with
 * its verifier key ({@link LogVerifier}, as {@code aims verify} does); otherwise nothing is
 * written. Only the entries that the latest signed checkpoint covers are exported, and the export
 * fails if the exported tree's root differs from that checkpoint's. The export streams the log in
 * constant memory.
 *
 * <p><b>Key rotation.</b> Older checkpoints of a log whose key was rotated are signed only by the
 * earlier keys, so the log verifies only when those are trusted too, as {@code aims verify} needs
 * them: {@code --trust VKEY} (repeatable) adds an earlier verifier key, as {@code aims verify}'s
 * repeated {@code --key} does, and {@code --follow-key-rotations} learns the next key of each key
 * rotation record that a checkpoint signed by a trusted key covers ({@link
 * LogVerifier.Builder#followKeyRotations(boolean)}), so the first key is enough. Keys are never
 * learned from the log backwards, and the latest checkpoint must still be signed by the signer key.
 * A refused export names the untrusted keys that signed the log's checkpoints and the option to
 * add.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export an evidence log as a C2SP tlog-tiles directory: tiles, entry bundles and a signed"
          + " checkpoint.",
      "The log is verified first with the signer key's verifier key, and only the entries its"
          + " latest signed checkpoint covers are exported. The checkpoint is signed with the"
          + " signer key and carries the log's origin. Exit code 0 when written, 1 when the log"
          + " does not verify or the export does not match it, 2 on unusable input (including a"
          + " key that is not the log's).",
      "For a log whose key was rotated (older checkpoints signed only by earlier keys), give the"
          + " earlier verifier keys with --trust, as 'aims verify' takes them with --key, or only"
          + " the first one with --follow-key-rotations. The latest checkpoint must still be signed"
          + " by --key."
    })
public final class ExportCommand implements Callable<Integer> {
  /** How many of the log's problems a refused export lists. */
  static final int PROBLEMS_SHOWN = 5;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The log directory.")
  Path dir;

  @Option(
      names = "--tiles",
      paramLabel = "OUT",
      description = "The directory to write (new or empty).")
  Path tiles;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "SKEY",
      description = "The log's signer key: a .skey file (as 'aims keygen' writes).")
  String key;

  @Option(
      names = "--opaque",
      description =
          "With --tiles: do not require the log's entries to be canonical JSON evidence records"
              + " (as 'aims verify --opaque').")
  boolean opaque;

  @Option(
      names = "--trust",
      paramLabel = "VKEY",
      description =
          "With --tiles: also trust this earlier verifier key of the log (a .vkey file or the key"
              + " text) for its older checkpoints, as 'aims verify' takes it with --key. Repeat it"
              + " for each key the log was rotated from.")
  List<String> trust = new ArrayList<>();

  @Option(
      names = "--follow-key-rotations",
      description =
          "With --tiles: also trust the next key of each key rotation record that a checkpoint"
              + " signed by a trusted key covers (as 'aims verify --follow-key-rotations'; then"
              + " --trust with the log's first key is enough).")
  boolean followKeyRotations;

  // End to end: without --tiles, an audit pack (PackExporter).
  @picocli.CommandLine.Mixin PackExporter.Options pack = new PackExporter.Options();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (tiles == null) {
      if (!trust.isEmpty() || followKeyRotations) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--trust and --follow-key-rotations apply to --tiles only");
      }
      return PackExporter.run(spec, dir, key, pack);
    }
    NoteSigner signer = VerifyKeys.signer(spec, "--key", key);
    NoteVerifier verifier = signer.verifier();
    String keyName = verifier.keyName();
    // The signer key's verifier key first, then the earlier keys (as 'aims verify --key').
    List<NoteVerifier> keys = new ArrayList<>(List.of(verifier));
    for (String t : trust) {
      NoteVerifier v = VerifyKeys.verifier(spec, "--trust", t);
      if (!keys.contains(v)) {
        keys.add(v);
      }
    }
    if (Files.isDirectory(tiles)) {
      try (Stream<Path> s = Files.list(tiles)) {
        if (s.findAny().isPresent()) {
          err.println("FAILED: --tiles " + tiles + " is not empty; export into a new directory");
          return 2;
        }
      }
    }
    if (!FileLayout.isLogDirectory(dir)) {
      err.println("FAILED: " + dir + " is not an evidence log directory");
      return 2;
    }

    // The key must be the log's: one that signed its latest checkpoint.
    List<String> signers = latestSigners(dir);
    if (!signers.isEmpty() && !signers.contains(keyName)) {
      err.println(
          "FAILED: --key is the signer key "
              + keyName
              + ", not the key of evidence log "
              + dir
              + ": its latest checkpoint is signed by "
              + String.join(", ", signers)
              + "; nothing was written to "
              + tiles);
      return 2;
    }

    // The log must verify with that key (and the trusted earlier ones); entries after the last
    // checkpoint are left out.
    VerificationResult r =
        LogVerifier.builder()
            .keys(keys)
            .followKeyRotations(followKeyRotations)
            .canonicalJson(!opaque)
            .build()
            .verify(dir);
    boolean onlyCoverage =
        r.omittedProblems() == 0
            && r.problems().stream().allMatch(p -> p.check() == Problem.Check.COVERAGE);
    if (!onlyCoverage) {
      long count = r.problems().size() + r.omittedProblems();
      err.println(
          "FAILED: evidence log "
              + dir
              + " does not verify with the key "
              + keyName
              + (keys.size() > 1 ? " and the " + (keys.size() - 1) + " trusted with --trust" : "")
              + ": "
              + count
              + (count == 1 ? " problem" : " problems")
              + "; nothing was written to "
              + tiles);
      r.problems().stream().limit(PROBLEMS_SHOWN).forEach(p -> err.println("  " + p));
      if (count > PROBLEMS_SHOWN) {
        err.println(
            "  ... and "
                + (count - PROBLEMS_SHOWN)
                + " more: 'aims verify "
                + dir
                + " --key VKEY' lists them");
      }
      boolean signatures =
          r.problems().stream().anyMatch(p -> p.check() == Problem.Check.SIGNATURE);
      List<String> untrusted = signatures ? untrustedSigners(dir, r.keys()) : List.of();
      if (!untrusted.isEmpty()) {
        boolean one = untrusted.size() == 1;
        err.println(
            "Checkpoints of the log are signed by "
                + (one ? "the key " : "the keys ")
                + String.join(", ", untrusted)
                + (one ? ", which is not trusted" : ", which are not trusted")
                + ": if the log's key was rotated from "
                + (one ? "it" : "them")
                + " to "
                + keyName
                + ", add --trust VKEY with "
                + (one ? "its verifier key" : "the verifier key of each (repeat --trust)")
                + ", as 'aims verify "
                + dir
                + "' needs "
                + (one ? "it" : "them")
                + " with --key; or --trust with the log's first key and --follow-key-rotations");
      }
      return 1;
    }
    long covered =
        r.problems().stream()
            .filter(p -> p.check() == Problem.Check.COVERAGE)
            .mapToLong(Problem::index)
            .findFirst()
            .orElse(r.entries());
    if (covered <= 0 && r.entries() > 0) {
      err.println(
          "FAILED: no signed checkpoint of evidence log "
              + dir
              + " covers any of its "
              + r.entries()
              + " entries; nothing to export (close the log, or sign a checkpoint, first)");
      return 1;
    }

    FileStore store;
    try {
      store = FileStore.openReadOnly(dir);
    } catch (NoSuchFileException e) {
      err.println("FAILED: " + dir + " is not an evidence log directory");
      return 2;
    }
    try (store) {
      Optional<String> latest = store.latestCheckpoint();
      Checkpoint signed;
      try {
        signed = latest.map(verifier::verifyCheckpoint).orElse(null);
      } catch (NoteException | IllegalArgumentException e) {
        err.println(
            "FAILED: the latest checkpoint of evidence log "
                + dir
                + " does not verify with the key "
                + keyName
                + ": "
                + e.getMessage());
        return 1;
      }
      long size = signed == null ? 0 : signed.size();
      if (size != covered) {
        err.println(
            "FAILED: evidence log "
                + dir
                + " changed while it was verified (its latest checkpoint covered "
                + covered
                + " entries, now "
                + size
                + "); export again");
        return 1;
      }
      // The tile log carries the log's own origin, so its checkpoints name the same log.
      String origin = signed == null ? signer.name() : signed.origin();
      byte[] root = signed == null ? store.root(0) : signed.root();
      long total = store.size();
      TileLogWriter writer = TileLogWriter.create(tiles, signer, origin);
      try (Stream<byte[]> entries = store.entries(0).limit(size)) {
        Iterator<byte[]> it = entries.iterator();
        while (it.hasNext()) {
          writer.append(it.next());
        }
      } catch (IllegalArgumentException e) {
        err.println("FAILED: " + e.getMessage());
        return 1;
      }
      Checkpoint cp = writer.publish();
      if (cp.size() != size || !Arrays.equals(cp.root(), root)) {
        err.println(
            "FAILED: the exported tree (size "
                + cp.size()
                + ") does not match the latest signed checkpoint of "
                + dir
                + " (size "
                + size
                + "); run 'aims verify' on the log");
        return 1;
      }
      out.println(
          "exported "
              + size
              + " entries of "
              + origin
              + " to "
              + tiles
              + " (root "
              + Base64.getEncoder().encodeToString(root)
              + ", checkpoint signed by "
              + keyName
              + ")");
      long after = total - size;
      if (after > 0) {
        out.println(
            after
                + (after == 1 ? " entry" : " entries")
                + " after the last checkpoint not exported (the log holds "
                + total
                + "; sign a checkpoint over them to export them)");
      }
      return 0;
    }
  }

  /**
   * Returns the keys ({@code name+hex8 id}) named on the signature lines of the log's latest
   * checkpoint, or none when the log has no checkpoint or cannot be opened (the verifier then says
   * what is wrong).
   */
  private static List<String> latestSigners(Path dir) {
    Optional<String> latest;
    try (FileStore store = FileStore.openReadOnly(dir)) {
      latest = store.latestCheckpoint();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return latest.map(NoteVerifier::signers).orElse(List.of());
  }

  /**
   * Returns the keys ({@code name+hex8 id}) that signed checkpoints of the log that none of the
   * trusted verifier keys ({@code vkeys}) verifies, in the order first seen; none when the
   * checkpoints cannot be read.
   */
  private static List<String> untrustedSigners(Path dir, List<String> vkeys) {
    List<NoteVerifier> trusted = new ArrayList<>();
    List<String> trustedNames = new ArrayList<>();
    for (String vkey : vkeys) {
      try {
        NoteVerifier v = NoteVerifier.parse(vkey);
        trusted.add(v);
        trustedNames.add(v.keyName());
      } catch (NoteException | IllegalArgumentException e) {
        // Only keys that parsed were trusted.
      }
    }
    Set<String> keys = new LinkedHashSet<>();
    try (FileStore store = FileStore.openReadOnly(dir);
        Stream<String> notes = store.checkpoints()) {
      notes
          .filter(note -> trusted.stream().noneMatch(v -> verifies(v, note)))
          .flatMap(note -> NoteVerifier.signers(note).stream())
          .filter(k -> !trustedNames.contains(k))
          .forEach(keys::add);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return List.copyOf(keys);
  }

  private static boolean verifies(NoteVerifier v, String note) {
    try {
      v.verify(note);
      return true;
    } catch (NoteException | IllegalArgumentException e) {
      return false;
    }
  }
}
