package dev.aims.cli;

import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.witness.WitnessVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The witness policy of {@code aims verify}: {@code --witness VKEY} (repeatable) names a trusted
 * witness, {@code --quorum K} how many of them must have cosigned a checkpoint (all of them unless
 * given). Without {@code --witness} the log is verified as before.
 */
final class WitnessOptions {
  @Option(
      names = "--witness",
      paramLabel = "VKEY",
      description =
          "A trusted witness's verifier key: a file or the key text. Repeat it for each"
              + " witness; the log then fails unless the quorum of them cosigned a checkpoint of"
              + " it.")
  List<String> witnesses = new ArrayList<>();

  @Option(
      names = "--quorum",
      paramLabel = "K",
      description =
          "How many of the --witness keys must have cosigned a checkpoint (default: all of them).")
  Integer quorum;

  /**
   * Applies the witness policy to {@code builder}, when witnesses were given, and returns it.
   *
   * @throws CommandLine.ParameterException for a bad key, a quorum without witnesses or out of
   *     range
   */
  LogVerifier.Builder configure(CommandSpec spec, LogVerifier.Builder builder) {
    if (witnesses.isEmpty()) {
      if (quorum != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--quorum needs at least one --witness");
      }
      return builder;
    }
    List<WitnessVerifier> keys = new ArrayList<>();
    for (String w : witnesses) {
      WitnessVerifier key = witness(spec, w);
      if (keys.contains(key)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--witness: " + key.keyName() + " is given twice");
      }
      keys.add(key);
    }
    int k = quorum == null ? keys.size() : quorum;
    if (k < 1 || k > keys.size()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--quorum must be between 1 and the " + keys.size() + " --witness keys, was " + k);
    }
    return builder.witnesses(keys, k);
  }

  private static WitnessVerifier witness(CommandSpec spec, String value) {
    boolean file = Files.isRegularFile(Path.of(value));
    String text = VerifyKeys.keyText(spec, "--witness", value, "witness key");
    try {
      return WitnessVerifier.parse(text);
    } catch (NoteException | IllegalArgumentException e) {
      // WitnessVerifier's messages never repeat the key text.
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--witness: "
              + (file ? value + ": " : "")
              + "not a witness verifier key ("
              + e.getMessage()
              + ")");
    }
  }
}
