package dev.aims.cli;

import dev.aims.audit.pack.AuditPack;
import dev.aims.audit.sample.Sampler;
import dev.aims.core.records.AimsRecords;
import dev.aims.evidence.note.NoteSigner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * {@code aims export DIR --out PACK}: the options that write an audit pack, and the call of {@link
 * AuditPack} that writes it; the pack's format and writing live in aims-audit.
 */
final class PackExporter {
  private PackExporter() {}

  /**
   * The options of {@code aims export} that write an audit pack (used when {@code --tiles} is
   * absent).
   */
  static final class Options {
    @picocli.CommandLine.Option(
        names = "--out",
        paramLabel = "PACK",
        description =
            "Write an audit pack to this new or empty directory (instead of --tiles); with --jdbc"
                + " and without --records, a copy of the log as a log directory.")
    Path out;

    @picocli.CommandLine.Option(
        names = "--records",
        paramLabel = "DIR|FILE",
        description =
            "With --out: the AIMS records, as a records directory (as 'aims gap' reads) or as one"
                + " JSON file of them all (an AimsRecords, as the pack's records/aims-records.json"
                + " holds). Read and checked as every command reads records.")
    Path records;

    @picocli.CommandLine.Option(
        names = "--sample",
        paramLabel = "N",
        description =
            "With --out: take an auditor sample of N records into the pack's sample/ (proofs,"
                + " sample.md, sample.json), listed in its report; needs --seed.")
    Integer sample;

    @picocli.CommandLine.Option(
        names = "--seed",
        paramLabel = "S",
        description = "With --sample: the auditor's seed, from which the sample is drawn.")
    String seed;
  }

  /**
   * Runs {@code aims export DIR --out PACK --records FILE --key SKEY}: exports, verifies the pack
   * and prints where it is. Returns the exit code: 0 when the written pack verifies.
   *
   * @throws IOException if a file cannot be read or written
   */
  static int run(picocli.CommandLine.Model.CommandSpec spec, Path logDir, String key, Options o)
      throws IOException {
    if (o.out == null || o.records == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "give either --tiles OUT, or --out PACK with --records DIR|FILE (an audit pack)");
    }
    if ((o.sample == null) != (o.seed == null)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--sample N and --seed S go together");
    }
    NoteSigner signer = VerifyKeys.signer(spec, "--key", key);
    AimsRecords records = RecordsDirectory.load(o.records);
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    AuditPack.Builder pack =
        AuditPack.builder().records(records).logDirectory(logDir).signer(signer).asOf(today);
    if (o.sample != null) {
      pack.sample(Sampler.builder().count(o.sample).seed(o.seed));
    }
    pack.write(o.out);
    return PackVerifier.run(
        o.out, signer.verifier(), false, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
