package dev.aims.cli;

import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.cli.LogFixtures.Run;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.RecordsReader;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aims oscal export} and {@code import}: the documents written, and an edit brought back.
 */
@ExtendWith(SamplePack.Resolver.class)
class OscalCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] DOCUMENTS = {
    "catalog.json",
    "profile.json",
    "ssp.json",
    "assessment-plan.json",
    "assessment-results.json",
    "poam.json"
  };

  @TempDir Path tmp;

  @Test
  void export_ofARecordsDirectory_writesTheSixDocuments_andListsThem() {
    Path out = tmp.resolve("oscal");
    Run r =
        run(
            "oscal",
            "export",
            RecordsDirectoryTest.SAMPLES.toString(),
            "--out",
            out.toString(),
            "--date",
            "2026-12-06");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("wrote 6 OSCAL 1.1.2 documents to " + out + ":\n");
    for (String d : DOCUMENTS) {
      assertThat(out.resolve(d)).isRegularFile();
      assertThat(r.out()).contains("  " + d);
    }
  }

  @Test
  void export_ofAnAuditPack_citesItsLog_checkedWithTheKey(SamplePack sample) throws IOException {
    Path out = tmp.resolve("oscal");
    Run r =
        run(
            "oscal",
            "export",
            sample.pack.toString(),
            "--out",
            out.toString(),
            "--key",
            sample.dir.resolve("keys/log.vkey").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("warning");
    assertThat(r.out()).contains(", citing the evidence log");
    assertThat(Files.readString(out.resolve("ssp.json")))
        .contains(" records, ")
        .contains(" at size ");
  }

  @Test
  void import_bringsAToolsStatusEditBack_asAnSoaTheRecordsDirectoryReads() throws IOException {
    Path out = tmp.resolve("oscal");
    assertThat(
            run("oscal", "export", RecordsDirectoryTest.SAMPLES.toString(), "--out", out.toString())
                .code())
        .isZero();
    AimsRecords samples = RecordsDirectory.load(RecordsDirectoryTest.SAMPLES);
    SoaEntry before =
        samples.soa().orElseThrow().entries().stream()
            .filter(e -> e.implementationStatus() != ImplementationStatus.IMPLEMENTED)
            .filter(e -> !e.organisationSpecific())
            .findFirst()
            .orElseThrow();
    // As a GRC tool would: OSCAL's own status of that control set to implemented.
    JsonNode ssp = JSON.readTree(out.resolve("ssp.json").toFile());
    for (JsonNode req :
        ssp.at("/system-security-plan/control-implementation/implemented-requirements")) {
      if (req.get("control-id").asText().equals(before.controlId())) {
        for (JsonNode p : req.get("props")) {
          if (p.get("name").asText().equals("implementation-status") && !p.has("ns")) {
            ((ObjectNode) p).put("value", "implemented");
          }
        }
      }
    }
    Path edited = Files.writeString(tmp.resolve("edited-ssp.json"), JSON.writeValueAsString(ssp));

    Path back = tmp.resolve("back");
    Run r =
        run(
            "oscal",
            "import",
            edited.toString(),
            "--records",
            RecordsDirectoryTest.SAMPLES.toString(),
            "--out",
            back.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "  "
                + before.controlId()
                + ": applies, "
                + before.implementationStatus()
                + " -> applies, IMPLEMENTED\n")
        .contains(" 1 changed from the records' Statement of Applicability");
    StatementOfApplicability read =
        RecordsReader.standard()
            .readRecord(back.resolve("soa.json"), StatementOfApplicability.class);
    for (SoaEntry e : read.entries()) {
      SoaEntry was =
          samples.soa().orElseThrow().entries().stream()
              .filter(x -> x.controlId().equals(e.controlId()))
              .findFirst()
              .orElseThrow();
      if (e.controlId().equals(before.controlId())) {
        assertThat(e.implementationStatus()).isEqualTo(ImplementationStatus.IMPLEMENTED);
      } else {
        assertThat(e).isEqualTo(was);
      }
    }
  }

  @Test
  void import_ofAnSspWithAnUnknownStatus_exits2_namingWhereAndWhat() throws IOException {
    Path out = tmp.resolve("oscal");
    run("oscal", "export", RecordsDirectoryTest.SAMPLES.toString(), "--out", out.toString());
    String text =
        Files.readString(out.resolve("ssp.json"))
            .replaceFirst("\"value\" : \"planned\"", "\"value\" : \"done\"");
    Path bad = Files.writeString(tmp.resolve("bad.json"), text);
    Run r =
        run(
            "oscal",
            "import",
            bad.toString(),
            "--records",
            RecordsDirectoryTest.SAMPLES.toString(),
            "--out",
            tmp.resolve("back").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(bad.toString())
        .contains("/system-security-plan/control-implementation/implemented-requirements/")
        .contains("'done' is not an OSCAL implementation status");
    assertThat(tmp.resolve("back")).doesNotExist();
  }
}
