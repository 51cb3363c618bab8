package dev.aims.cli;

import static dev.aims.cli.RecordsDirectoryCommands.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerificationOptionsTest {
  /** The help text with its line breaks and indentation folded into single spaces. */
  private static String help(String... command) {
    String[] args = new String[command.length + 1];
    System.arraycopy(command, 0, args, 0, command.length);
    args[command.length] = "--help";
    return run(args).out().replaceAll("\\s+", " ");
  }

  @Test
  void options_sayWhatTheyDoForTheCommandThatTakesThem() {
    assertThat(help("verify"))
        .contains(
            "--opaque Treat the entries as opaque bytes: check only the bytes, the tree and the"
                + " signatures, not that each entry is a canonical JSON evidence record")
        .contains(
            "--follow-key-rotations Also trust the next key of each key rotation record that a"
                + " checkpoint signed by a trusted key covers (then only the log's first key is"
                + " needed).");
    assertThat(help("export"))
        .contains(
            "--opaque With --tiles: do not require the log's entries to be canonical JSON"
                + " evidence records (as 'aims verify --opaque').")
        .contains(
            "--follow-key-rotations With --tiles: also trust the next key of each key rotation"
                + " record that a checkpoint signed by a trusted key covers (as 'aims verify"
                + " --follow-key-rotations'; then --trust with the log's first key is enough).");
  }
}
