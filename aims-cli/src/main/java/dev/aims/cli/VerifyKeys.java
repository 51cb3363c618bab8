package dev.aims.cli;

import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads the keys that the evidence-log commands take: each option value is either a key file (as
 * {@code aims keygen} writes them) or the key text itself. Bad values are parameter errors naming
 * the option, and the file when the value is one; no message ever repeats the text of a signer key
 * or anything that may be key material (a value given on the command line is only repeated when it
 * cannot be a key).
 */
final class VerifyKeys {
  /** Base64 of 32 bytes or more: a value of this shape may be key material. */
  private static final Pattern KEY_MATERIAL = Pattern.compile("[A-Za-z0-9+/=_-]{43,}");

  private VerifyKeys() {}

  /**
   * Reads a verifier key ({@code name+id+key}) from a .vkey file or the text itself; a signer key
   * is refused with "this is a signer key (secret); pass its verifier key (.vkey)".
   */
  static NoteVerifier verifier(CommandSpec spec, String option, String value) {
    boolean file = Files.isRegularFile(Path.of(value));
    String text = keyText(spec, option, value, "key");
    try {
      return NoteVerifier.parse(text);
    } catch (NoteException | IllegalArgumentException e) {
      String where = file ? value + ": " : "";
      String what =
          looksSecret(text) ? e.getMessage() : "not a verifier key (" + e.getMessage() + ")";
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + where + what);
    }
  }

  /** Reads a signer key ({@code PRIVATE+KEY+...}) from a .skey file or the text itself. */
  static NoteSigner signer(CommandSpec spec, String option, String value) {
    boolean file = Files.isRegularFile(Path.of(value));
    String text = keyText(spec, option, value, "signer key");
    try {
      return NoteSigner.parse(text);
    } catch (NoteException | IllegalArgumentException e) {
      // NoteSigner's messages never repeat the key, and neither does this one.
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          option + ": not a signer key: " + e.getMessage() + (file ? " (" + value + ")" : ""));
    }
  }

  static String keyText(CommandSpec spec, String option, String value, String kind) {
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
          spec.commandLine(), option + ": no such key file and not a " + kind + shown(value));
    }
    return value.strip();
  }

  /** Returns ": VALUE" for a value that cannot be key material, else a note that it is withheld. */
  static String shown(String value) {
    return looksSecret(value) || KEY_MATERIAL.matcher(value.strip()).matches()
        ? " (the value is not repeated: it may be key material)"
        : ": " + value;
  }

  private static boolean looksSecret(String text) {
    return text.strip().regionMatches(true, 0, "PRIVATE+KEY+", 0, "PRIVATE+KEY+".length());
  }
}
