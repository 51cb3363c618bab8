package dev.aims.cli;

import dev.aims.audit.report.text.TextTable;
import dev.aims.audit.sample.Sample;
import dev.aims.audit.sample.SampleException;
import dev.aims.audit.sample.SampledRecord;
import dev.aims.audit.sample.Sampler;
import dev.aims.evidence.record.RecordType;
import dev.aims.evidence.spi.StoreCorruptedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aims sample PACK|LOGDIR --count N --seed S --out DIR [--type T] [--system ID] [--key
 * VKEY]}: draws an auditor's sample of evidence records (Clause 9.2) reproducibly from the seed,
 * over the log's latest signed checkpoint, and writes each record as a C2SP tlog-proof with {@code
 * sample.md} and {@code sample.json}; the drawing algorithm is {@link Sampler}'s. Exit code 0 when
 * written, 1 when the log cannot be sampled (no checkpoint, a checkpoint that does not verify with
 * {@code --key}, an unreadable record), 2 on unusable input.
 */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Draw an auditor's sample of evidence records reproducibly from a seed, over the log's"
          + " latest signed checkpoint, and write each as an inclusion proof (C2SP tlog-proof)"
          + " with sample.md and sample.json.",
      "Check each proof with 'aims verify-proof FILE --key VKEY'. Exit code 0 when written, 1"
          + " when the log cannot be sampled, 2 on unusable input."
    })
public final class SampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "PACK|LOGDIR",
      description = "An audit pack (its log/ is sampled) or an evidence log directory.")
  Path source;

  @Option(
      names = "--count",
      required = true,
      paramLabel = "N",
      description = "How many records to draw (at most the number that match).")
  int count;

  @Option(
      names = "--seed",
      required = true,
      paramLabel = "S",
      description =
          "The seed the auditor names; the same seed, log and filters give the same sample.")
  String seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Write the proofs and summaries to this new or empty directory.")
  Path out;

  @Option(
      names = "--type",
      paramLabel = "T",
      description = "Draw only records of this type (ai-decision, oversight-action, ...).")
  String type;

  @Option(
      names = "--system",
      paramLabel = "ID",
      description = "Draw only records of this AI system.")
  String system;

  @Option(
      names = "--key",
      paramLabel = "VKEY",
      description =
          "Check the checkpoint's signature with the log's verifier key (a .vkey file or the key"
              + " text) before sampling, and refuse a checkpoint that does not verify.")
  String key;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Sample sample;
    try {
      Sampler.Builder b = Sampler.builder().source(source).seed(seed).count(count);
      if (type != null) {
        b.type(recordType());
      }
      if (system != null) {
        b.system(system);
      }
      if (key != null) {
        b.verifier(VerifyKeys.verifier(spec, "--key", key));
      }
      sample = b.build().writeTo(out);
    } catch (IllegalArgumentException e) {
      err.println("FAILED: " + e.getMessage());
      return 2;
    } catch (SampleException | StoreCorruptedException e) {
      err.println("FAILED: " + e.getMessage());
      return 1;
    }
    print(sample, spec.commandLine().getOut());
    return 0;
  }

  private RecordType recordType() {
    try {
      return RecordType.of(type);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--type: " + e.getMessage());
    }
  }

  private void print(Sample sample, PrintWriter w) {
    w.println(
        "sample of "
            + sample.records().size()
            + " from "
            + sample.population()
            + " matching records (filters: "
            + sample.filters()
            + "), seed \""
            + sample.seed()
            + "\", drawn by "
            + Sampler.ALGORITHM);
    w.println(
        "checkpoint "
            + sample.origin()
            + " size "
            + sample.checkpointSize()
            + " root "
            + sample.checkpointRoot()
            + sample
                .verifiedBy()
                .map(k -> ", signature checked with key " + k)
                .orElse(", signature not checked (give --key VKEY to check it)"));
    w.println();
    TextTable table =
        new TextTable(
            List.of("index", "occurred at", "type", "system", "decision", "oversight", "proof"),
            0,
            0,
            0,
            0,
            30,
            0,
            0);
    for (SampledRecord r : sample.records()) {
      table.row(
          Long.toString(r.index()),
          r.occurredAt().toString(),
          r.type().id(),
          r.system(),
          r.decision().orElse(""),
          r.oversight().orElse(""),
          r.proofFile());
    }
    table.print(w);
    w.println();
    w.println(
        "wrote "
            + sample.records().size()
            + " proofs, "
            + Sampler.MARKDOWN_FILE
            + " and "
            + Sampler.JSON_FILE
            + " to "
            + out);
    w.println(
        "check a proof with: aims verify-proof "
            + out.resolve(sample.records().get(0).proofFile())
            + " --key VKEY");
    w.flush();
  }
}
