package dev.aims.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.audit.StagedDirectory;
import dev.aims.audit.coverage.CoverageException;
import dev.aims.audit.pack.AuditPack;
import dev.aims.audit.sample.SampledRecord;
import dev.aims.core.json.AimsJson;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.oscal.OscalExport;
import dev.aims.oscal.SspImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aims oscal}: the AIMS records as OSCAL 1.1.2 documents for GRC tools ({@code export}), and
 * an SSP edited in such a tool back into a Statement of Applicability ({@code import}).
 */
@Command(
    name = "oscal",
    mixinStandardHelpOptions = true,
    description = "OSCAL 1.1.2: the records as the documents GRC tools exchange, and back.",
    subcommands = {OscalCommand.Export.class, OscalCommand.Import.class})
final class OscalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code aims oscal export DIR|PACK --out OUT}: writes the six documents. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Write the records as OSCAL 1.1.2 JSON: catalog.json, profile.json (imports the"
            + " catalogue), ssp.json (imports the profile), assessment-plan.json (imports the SSP),"
            + " assessment-results.json (imports the plan) and poam.json (imports the SSP).",
        "DIR is a records directory (or one file of all the records); with --log LOGDIR --key"
            + " VKEY the SSP cites the log's evidence and the results observe it. DIR may be an"
            + " audit pack: its records, its log (checked with --key, or its own log.vkey with a"
            + " warning) and its auditor sample, whose proofs the results link."
      })
  static final class Export extends RecordsDirectoryCommand.OfDirectory {
    @Option(
        names = "--out",
        required = true,
        paramLabel = "OUT",
        description = "A new or empty directory for the six documents.")
    Path out;

    @Mixin EvidenceLogOptions evidence = new EvidenceLogOptions();

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      boolean pack = AuditPack.isPack(dir);
      AimsRecords records;
      List<SampledRecord> sample = List.of();
      if (pack) {
        records = RecordsDirectory.load(dir.resolve("records/aims-records.json"));
        if (evidence.log == null) {
          evidence.log = dir;
        }
        if (evidence.keys.isEmpty()) {
          evidence.keys.add(AuditPack.ownKey(dir).vkey());
          err.println(
              "aims: warning: checking the pack's log with its own log.vkey proves it is intact,"
                  + " not who wrote it; pass the log's key with --key");
        }
        sample = OscalExport.packSample(dir, out);
      } else {
        records = records();
      }
      EvidenceCoverage coverage;
      try {
        coverage = evidence.coverage(spec);
      } catch (CoverageException e) {
        return EvidenceLogOptions.refused(spec, e);
      }
      Map<String, String> docs =
          OscalExport.of(records, day()).withCoverage(coverage).withSample(sample).write(out);
      PrintWriter o = out();
      o.println(
          "wrote "
              + docs.size()
              + " OSCAL 1.1.2 documents to "
              + out
              + (coverage.hasLog() ? ", citing the evidence log" : "")
              + (sample.isEmpty() ? "" : ", with " + sample.size() + " sampled records")
              + ":");
      docs.forEach((name, text) -> o.printf("  %-25s %,d bytes%n", name, text.length()));
      o.flush();
      return 0;
    }
  }

  /** {@code aims oscal import SSP --records DIR --out OUT}: reads statuses back into an SoA. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Read an OSCAL SSP (as 'aims oscal export' wrote it, edited in a GRC tool) back into a"
            + " Statement of Applicability: each control's implementation status, applicability and"
            + " justification from the SSP, everything else from the records' own SoA.",
        "Writes OUT/soa.json, which a records directory takes in place of its soa/ folder, and"
            + " lists the controls that changed."
      })
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SSP", description = "The OSCAL SSP (ssp.json).")
    Path ssp;

    @Option(
        names = "--records",
        required = true,
        paramLabel = "DIR|FILE",
        description = "The records whose Statement of Applicability the SSP was exported from.")
    Path records;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "OUT",
        description = "A new or empty directory for soa.json.")
    Path out;

    @Override
    public Integer call() throws IOException {
      StatementOfApplicability base =
          RecordsDirectory.load(records)
              .soa()
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(),
                          "--records " + records + ": no Statement of Applicability to update"));
      JsonNode tree;
      try {
        tree = new ObjectMapper().readTree(Files.readString(ssp, StandardCharsets.UTF_8));
      } catch (IOException e) {
        spec.commandLine().getErr().println("aims: " + ssp + ": not JSON: " + e.getMessage());
        return 2;
      }
      StatementOfApplicability soa;
      try {
        soa = SspImport.soa(tree, base);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("aims: " + ssp + ": " + e.getMessage());
        return 2;
      }
      String json =
          AimsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(soa) + "\n";
      StagedDirectory.write(
          out,
          "output directory",
          staging -> Files.writeString(staging.resolve("soa.json"), json, StandardCharsets.UTF_8));
      PrintWriter o = spec.commandLine().getOut();
      List<SoaEntry> before = base.entries();
      int changed = 0;
      for (SoaEntry e : soa.entries()) {
        SoaEntry was =
            before.stream().filter(b -> b.controlId().equals(e.controlId())).findFirst().orElse(e);
        if (!was.equals(e)) {
          changed++;
          o.println(
              "  "
                  + e.controlId()
                  + ": "
                  + describe(was)
                  + " -> "
                  + describe(e)
                  + (was.justification().equals(e.justification()) ? "" : ", new justification"));
        }
      }
      o.println(
          "wrote "
              + out.resolve("soa.json")
              + ": "
              + soa.entries().size()
              + " entries, "
              + changed
              + " changed"
              + " from the records' Statement of Applicability");
      o.flush();
      return 0;
    }

    private static String describe(SoaEntry e) {
      return (e.applicable() ? "applies, " : "excluded, ") + e.implementationStatus();
    }
  }
}
