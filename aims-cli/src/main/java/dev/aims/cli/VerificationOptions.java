package dev.aims.cli;

import dev.aims.evidence.postgres.PostgresLogVerifier;
import dev.aims.evidence.tiles.TileExport;
import dev.aims.evidence.verify.LogVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The options that say how much of an evidence log is checked, shared by the commands that verify
 * one ({@code aims verify}, {@code aims export --tiles}): {@code --follow-key-rotations} and {@code
 * --opaque}.
 *
 * <p>The options are declared once here; their help text says what each does for the command that
 * mixes them in, so it comes from {@code VerificationOptions.properties} under the command's
 * qualified name ({@code aims.verify.opaque}).
 */
@Command(resourceBundle = "dev.aims.cli.VerificationOptions")
final class VerificationOptions {
  @Option(names = "--follow-key-rotations", descriptionKey = "follow-key-rotations")
  boolean followKeyRotations;

  @Option(names = "--opaque", descriptionKey = "opaque")
  boolean opaque;

  /** Applies the options to {@code builder} and returns it. */
  LogVerifier.Builder configure(LogVerifier.Builder builder) {
    return builder.canonicalJson(!opaque).followKeyRotations(followKeyRotations);
  }

  /** Applies the options to {@code builder} and returns it. */
  PostgresLogVerifier.Builder configure(PostgresLogVerifier.Builder builder) {
    return builder.canonicalJson(!opaque).followKeyRotations(followKeyRotations);
  }

  /** Applies the options to {@code builder} and returns it. */
  TileExport.Builder configure(TileExport.Builder builder) {
    return builder.canonicalJson(!opaque).followKeyRotations(followKeyRotations);
  }
}
