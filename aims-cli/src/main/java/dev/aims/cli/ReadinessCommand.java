package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.readiness.CertificationCycle;
import dev.aims.assessment.readiness.ChecklistEntry;
import dev.aims.assessment.readiness.CycleEvent;
import dev.aims.assessment.readiness.ReadinessAssessor;
import dev.aims.assessment.readiness.ReadinessReport;
import dev.aims.audit.coverage.CoverageException;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aims readiness DIR}: the Stage 1 and Stage 2 certification readiness checklists of a
 * records directory, the blocking items, and the certification cycle when a certificate date is
 * known. With {@code --log}, Stage 2 also checks that each AI system in operation has records in
 * the evidence log.
 */
@Command(
    name = "readiness",
    mixinStandardHelpOptions = true,
    description = {
      "Certification readiness: the Stage 1 and Stage 2 checklists with a status per item, the"
          + " blocking (🔴) items, and the certification cycle (surveillance audits in years 1 and 2,"
          + " recertification at 3 years)."
    })
public final class ReadinessCommand extends RecordsDirectoryCommand.OfDirectory {

  @Option(
      names = "--certificate-date",
      paramLabel = "YYYY-MM-DD",
      converter = DateConverter.class,
      description =
          "The day the certificate was or is expected to be issued (default: certificateDate in"
              + " organisation.json).")
  LocalDate certificateDate;

  @Mixin EvidenceLogOptions evidence = new EvidenceLogOptions();

  @Override
  public Integer call() throws JsonProcessingException {
    AimsRecords records = records();
    Optional<LocalDate> certificate =
        Optional.ofNullable(certificateDate)
            .or(() -> records.organisation().flatMap(Organisation::certificateDate));
    EvidenceWindow window = evidence.window(spec);
    EvidenceCoverage coverage;
    try {
      coverage = evidence.coverage(spec);
    } catch (CoverageException e) {
      return EvidenceLogOptions.refused(spec, e);
    }
    ReadinessReport r = ReadinessAssessor.assess(records, day(), certificate, coverage, window);
    if (json) {
      printJson(r);
      return 0;
    }
    PrintWriter out = out();
    out.println("Certification readiness of " + r.organisation() + " as of " + r.asOf());
    if (coverage.hasLog()) {
      EvidenceLogOptions.describe(out, coverage, window, r.asOf());
    }
    stage(out, "Stage 1 (documented AIMS)", r.stage1(), r.readyForStage1());
    stage(
        out,
        "Stage 2 (AIMS in operation)",
        r.stage2(),
        r.stage2().stream().noneMatch(ChecklistEntry::blocking));
    out.println();
    List<ChecklistEntry> blocking = r.blocking();
    if (blocking.isEmpty()) {
      out.println("No blocking items.");
    } else {
      out.println("Blocking items (" + blocking.size() + "):");
      for (ChecklistEntry e : blocking) {
        Gap g = e.gaps().get(0);
        out.println(
            "  - "
                + e.item().stage().label()
                + ": "
                + e.item().title()
                + " ("
                + String.join(", ", e.item().references())
                + "): "
                + g.message()
                + " → "
                + g.action());
      }
    }
    out.println();
    if (r.cycle().isEmpty()) {
      out.println(
          "Certification cycle: give --certificate-date (or certificateDate in organisation.json)"
              + " to plan surveillance and recertification.");
    } else {
      CertificationCycle c = r.cycle().get();
      out.println(
          "Certification cycle: certificate " + c.certificateDate() + ", expires " + c.expiry());
      TextTable t = new TextTable(List.of("Audit", "Due", "Focus"), 0, 0, 80);
      for (CycleEvent e : c.events()) {
        t.row(e.kind().label(), e.due().toString(), e.focus());
      }
      t.print(out);
    }
    return 0;
  }

  private static void stage(
      PrintWriter out, String title, List<ChecklistEntry> entries, boolean ready) {
    out.println();
    long red = entries.stream().filter(ChecklistEntry::blocking).count();
    long amber = entries.stream().filter(e -> e.status() == RagStatus.AMBER).count();
    out.println(
        title
            + ": "
            + (ready ? "ready" : "not ready, " + red + " blocking")
            + (amber == 0 ? "" : ", " + amber + " to improve"));
    TextTable t =
        new TextTable(List.of("", "Item", "Serves", "Evidence, or gap → action"), 0, 34, 16, 70);
    for (ChecklistEntry e : entries) {
      String detail;
      if (e.gaps().isEmpty()) {
        detail = String.join("; ", e.evidence());
      } else {
        Gap g = e.gaps().get(0);
        detail =
            g.message()
                + " → "
                + g.action()
                + (e.gaps().size() > 1 ? " (+" + (e.gaps().size() - 1) + " more)" : "");
      }
      t.row(
          e.status().symbol(), e.item().title(), String.join(", ", e.item().references()), detail);
    }
    t.print(out);
  }
}
