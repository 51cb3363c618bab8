package dev.aims.cli;

import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.proof.TlogProof;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aims verify-proof FILE --key VKEY}: checks a C2SP tlog-proof for one evidence record with
 * nothing but the log's verifier key: the record bytes carried in the proof hash to the leaf, the
 * leaf and proof hashes lead to the checkpoint's root, and the checkpoint is signed by the key.
 * Exit code 0 only when all of that holds, 1 when a check fails, 2 on unusable input.
 */
@Command(
    name = "verify-proof",
    mixinStandardHelpOptions = true,
    description = {
      "Verify an inclusion proof (C2SP tlog-proof, as written by 'aims prove') offline with the"
          + " log's verifier key.",
      "Checks: record bytes -> leaf hash -> inclusion proof -> checkpoint root -> checkpoint"
          + " signature. Exit code 0 when the proof holds, 1 when a check fails, 2 on unusable"
          + " input."
    })
public final class VerifyProofCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The proof file (.tlog-proof).")
  Path file;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "VKEY",
      description = "The log's verifier key: a .vkey file, or the key text name+id+key itself.")
  String key;

  @Option(
      names = "--entry",
      paramLabel = "FILE",
      description =
          "The record's exact bytes, for proofs that do not carry them (no 'extra' line).")
  Path entry;

  @Option(names = "--show-entry", description = "Also print the verified record.")
  boolean showEntry;

  @Override
  public Integer call() {
    NoteVerifier verifier = VerifyKeys.verifier(spec, "--key", key);
    String text = readText(file, "FILE");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TlogProof proof;
    try {
      proof = TlogProof.parse(text);
    } catch (ProofException e) {
      err.println("FAILED: " + file + " is not a valid tlog-proof: " + e.getMessage());
      return 2;
    }
    byte[] record;
    if (entry != null) {
      record = readBytes(entry, "--entry");
    } else {
      Optional<byte[]> extra = proof.extra();
      if (extra.isEmpty()) {
        err.println(
            "FAILED: the proof carries no record (no 'extra' line); pass its bytes with --entry");
        return 2;
      }
      record = extra.get();
    }
    Checkpoint cp;
    try {
      cp = proof.verify(verifier, record);
    } catch (NoteException e) {
      err.println("FAILED: checkpoint signature: " + e.getMessage());
      return 1;
    } catch (ProofException e) {
      err.println("FAILED: inclusion of entry " + proof.index() + ": " + e.getMessage());
      return 1;
    }
    out.println(
        "OK: entry "
            + proof.index()
            + " is in log "
            + cp.origin()
            + " at tree size "
            + cp.size()
            + " (root "
            + Base64.getEncoder().encodeToString(cp.root())
            + "), checkpoint signed by "
            + verifier.keyName());
    if (showEntry) {
      out.println(new String(record, StandardCharsets.UTF_8));
    }
    return 0;
  }

  private String readText(Path p, String what) {
    byte[] data = readBytes(p, what);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), what + ": " + p + " is not UTF-8 text");
    }
  }

  private byte[] readBytes(Path p, String what) {
    try {
      return Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), what + ": no such file: " + p);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), what + ": cannot read " + p + ": " + e.getMessage());
    }
  }
}
