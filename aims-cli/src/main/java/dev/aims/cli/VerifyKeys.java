package dev.aims.cli;

import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads the keys that the evidence-log commands take: each option value is either a key file (as
 * {@code aims keygen} writes them) or the key text itself. Bad values are parameter errors naming
 * the option and the value.
 */
final class VerifyKeys {
  private VerifyKeys() {}

  /** Reads a verifier key ({@code name+id+key}) from a .vkey file or the text itself. */
  static NoteVerifier verifier(CommandSpec spec, String option, String value) {
    String text = keyText(spec, option, value, false);
    try {
      return NoteVerifier.parse(text);
    } catch (NoteException | IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + ": not a verifier key (" + e.getMessage() + "): " + value);
    }
  }

  /** Reads a signer key ({@code PRIVATE+KEY+...}) from a .skey file or the text itself. */
  static NoteSigner signer(CommandSpec spec, String option, String value) {
    String text = keyText(spec, option, value, true);
    try {
      return NoteSigner.parse(text);
    } catch (NoteException | IllegalArgumentException e) {
      // The message never repeats the value: it may be a secret key.
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + ": not a signer key: " + e.getMessage());
    }
  }

  private static String keyText(CommandSpec spec, String option, String value, boolean secret) {
    Path p = Path.of(value);
    if (Files.isRegularFile(p)) {
      try {
        return Files.readString(p, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), option + ": cannot read " + p + ": " + e.getMessage());
      }
    }
    if (value.indexOf('+') < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          option + ": no such key file" + (secret ? "" : " and not a key") + ": " + value);
    }
    return value.strip();
  }
}
