package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.policy.PolicyKind;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsDirectoryTest {
  static final Path SAMPLES = Path.of("../samples/records");

  @TempDir Path tmp;

  /** Copies the sample records to {@code tmp}, so that a test can break them. */
  static Path copySamples(Path tmp) throws IOException {
    Path to = tmp.resolve("records");
    try (Stream<Path> all = Files.walk(SAMPLES)) {
      for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(SAMPLES.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  /**
   * Copies the sample records with risk R-001's inherent likelihood raised to 6: a valid rating
   * (scales have up to 7 levels) that has no cell in the default 5x5 matrix.
   */
  static Path copySamplesWithRiskOutsideTheMatrix(Path tmp) throws IOException {
    Path dir = copySamples(tmp);
    setInherentLikelihoodOfR001(dir, 6);
    return dir;
  }

  /** Rewrites the sample risk R-001 in {@code dir}, inherently rated 4 x 4, to likelihood L. */
  static void setInherentLikelihoodOfR001(Path dir, int likelihood) throws IOException {
    Path r1 = dir.resolve("risks/R-001.json");
    String before = Files.readString(r1);
    String after =
        before.replace(
            "\"inherent\": { \"likelihood\": 4, \"severity\": 4 }",
            "\"inherent\": { \"likelihood\": " + likelihood + ", \"severity\": 4 }");
    assertThat(after).as("R-001's inherent rating in the samples").isNotEqualTo(before);
    Files.writeString(r1, after);
  }

  /** A violation seen as the problem of one file: file, record, field, value and message. */
  record Problem(
      String file, String record, String field, String value, String message, String text) {
    static Problem of(Violation v) {
      return new Problem(
          v.location().file(),
          v.location().record(),
          v.path(),
          v.value(),
          v.message(),
          v.toString());
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** The rejection of a records directory, with its problems. */
  record Failure(String message, List<Problem> problems) {
    String getMessage() {
      return message;
    }
  }

  static Failure failure(Path dir) {
    InvalidRecordException e =
        catchThrowableOfType(() -> RecordsDirectory.load(dir), InvalidRecordException.class);
    assertThat(e).as("expected the directory to be rejected").isNotNull();
    return new Failure(e.getMessage(), e.violations().stream().map(Problem::of).toList());
  }

  @Test
  void samples_loadCompleteAndConsistent() {
    AimsRecords r = RecordsDirectory.load(SAMPLES);
    assertThat(r.organisationName()).isEqualTo("Northwind Bank");
    assertThat(r.systems())
        .extracting(s -> s.id())
        .containsExactly("credit-scoring", "customer-assistant");
    assertThat(r.risks()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(r.impactAssessments()).isNotEmpty();
    assertThat(r.soa()).isPresent();
    List<String> order = Catalog.standard().controls().stream().map(c -> c.id()).toList();
    assertThat(r.soa().get().entries().subList(0, 38))
        .extracting(SoaEntry::controlId)
        .containsExactlyElementsOf(order);
    assertThat(r.soa().get().organisationEntries())
        .extracting(SoaEntry::controlId)
        .containsExactly("ORG.1");
    assertThat(r.policies()).extracting(p -> p.kind()).containsExactlyElementsOf(PolicyKind.core());
    assertThat(r.auditProgrammes()).hasSize(1);
    assertThat(r.auditReports()).hasSize(1);
    assertThat(r.oversight()).hasSize(2);
    assertThat(r.consistencyProblems()).isEmpty();
  }

  @Test
  void badFiles_areAllReported_namingFileRecordFieldAndValue() throws IOException {
    Path dir = copySamples(tmp);
    Files.writeString(
        dir.resolve("systems/credit-scoring.json"),
        Files.readString(dir.resolve("systems/credit-scoring.json"))
            .replace("\"DECISION_SUPPORT\"", "\"DECISION_SUPORT\"")
            .replace("\"owner\":", "\"colour\": \"blue\", \"owner\":"));
    Files.writeString(dir.resolve("objectives/OBJ-09.json"), "{ \"id\": \"OBJ-09\", ");
    Files.writeString(
        dir.resolve("risks/R-001.json"),
        Files.readString(dir.resolve("risks/R-001.json"))
            .replace("\"likelihood\": 2", "\"likelihood\": 9"));
    List<Problem> problems = failure(dir).problems();
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("systems/credit-scoring.json");
              assertThat(p.record()).isEqualTo("credit-scoring");
              assertThat(p.field()).isEqualTo("outputType");
              assertThat(p.value()).isEqualTo("'DECISION_SUPORT'");
              assertThat(p.message()).contains("DECISION_SUPPORT");
            })
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("objectives/OBJ-09.json");
              assertThat(p.message()).contains("not valid JSON");
              assertThat(p.toString()).startsWith("objectives/OBJ-09.json:1:19: not valid JSON");
            })
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("risks/R-001.json");
              assertThat(p.record()).isEqualTo("R-001");
              assertThat(p.message()).contains("likelihood").contains("9");
            });
    assertThat(problems.stream().map(Problem::file).distinct()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void unknownField_isNamedWithTheKnownFields() throws IOException {
    Path dir = copySamples(tmp);
    Files.writeString(
        dir.resolve("incidents/INC-2026-03.json"),
        Files.readString(dir.resolve("incidents/INC-2026-03.json"))
            .replace("\"severity\"", "\"severty\""));
    Problem p = failure(dir).problems().get(0);
    assertThat(p.file()).isEqualTo("incidents/INC-2026-03.json");
    assertThat(p.record()).isEqualTo("INC-2026-03");
    assertThat(p.field()).isEqualTo("severty");
    assertThat(p.message()).contains("is not a field of AiIncident").contains("severity");
    assertThat(p.toString())
        .matches(
            "incidents/INC-2026-03\\.json:\\d+:\\d+ \\(record 'INC-2026-03'\\): field 'severty': .*")
        .endsWith(p.message());
  }

  @Test
  void brokenReferences_namesTheFileThatHoldsThem() throws IOException {
    Path dir = copySamples(tmp);
    Files.writeString(
        dir.resolve("corrective-actions/CA-2026-01.json"),
        Files.readString(dir.resolve("corrective-actions/CA-2026-01.json"))
            .replace("NC-2026-01", "NC-2026-99"));
    Files.writeString(
        dir.resolve("soa/A.7.4.json"),
        Files.readString(dir.resolve("soa/A.7.4.json")).replace("\"R-001\"", "\"R-404\""));
    List<Problem> problems = failure(dir).problems();
    assertThat(problems)
        .extracting(Problem::file, Problem::field, Problem::value)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "corrective-actions/CA-2026-01.json", "nonconformityId", "'NC-2026-99'"),
            org.assertj.core.groups.Tuple.tuple("soa/A.7.4.json", "riskIds[0]", "'R-404'"));
  }

  @Test
  void fileProblemsAndBrokenReferences_areReportedInOneRun() throws IOException {
    Path dir = copySamples(tmp);
    Files.writeString(
        dir.resolve("systems/customer-assistant.json"),
        Files.readString(dir.resolve("systems/customer-assistant.json"))
            .replace("\"CONTENT_GENERATION\"", "\"CHAT\""));
    Files.writeString(
        dir.resolve("corrective-actions/CA-2026-01.json"),
        Files.readString(dir.resolve("corrective-actions/CA-2026-01.json"))
            .replace("NC-2026-01", "NC-2026-07"));
    // The scope, oversight and supplier records that name customer-assistant are not reported:
    // the system's own file is the problem.
    assertThat(failure(dir).problems())
        .extracting(Problem::file, Problem::field, Problem::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "systems/customer-assistant.json", "outputType", "'CHAT'"),
            org.assertj.core.groups.Tuple.tuple(
                "corrective-actions/CA-2026-01.json", "nonconformityId", "'NC-2026-07'"));
  }

  @Test
  void soaFolder_missingControlAndUnknownControl_areReported() throws IOException {
    Path dir = copySamples(tmp);
    Files.delete(dir.resolve("soa/A.8.5.json"));
    Files.writeString(
        dir.resolve("soa/A.10.4.json"),
        Files.readString(dir.resolve("soa/A.10.4.json")).replace("\"A.10.4\"", "\"A.10.5\""));
    List<Problem> problems = failure(dir).problems();
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("soa/A.10.4.json");
              assertThat(p.field()).isEqualTo("controlId");
              assertThat(p.value()).isEqualTo("'A.10.5'");
              assertThat(p.message()).contains("nearest");
            });
    Files.writeString(
        dir.resolve("soa/A.10.4.json"),
        Files.readString(dir.resolve("soa/A.10.4.json")).replace("\"A.10.5\"", "\"A.10.4\""));
    Problem missing = failure(dir).problems().get(0);
    assertThat(missing.file()).isEqualTo("soa/statement.json");
    assertThat(missing.field()).isEqualTo("entries");
    assertThat(missing.value()).isEqualTo("A.8.5");
  }

  @Test
  void misspeltFolder_andMissingDirectory_areErrors() throws IOException {
    Path dir = copySamples(tmp);
    Files.move(dir.resolve("suppliers"), dir.resolve("supplier"));
    Problem p = failure(dir).problems().get(0);
    assertThat(p.file()).isEqualTo("supplier/");
    assertThat(p.message()).contains("unknown folder").contains("suppliers");
    assertThat(failure(tmp.resolve("nowhere")).getMessage())
        .contains("nowhere")
        .contains("no such file; expected an AimsRecords JSON file or a records directory");
  }

  @Test
  void missingRequiredField_isNamed() throws IOException {
    Path dir = copySamples(tmp);
    Files.writeString(
        dir.resolve("awareness/AW-2026-02.json"),
        "{ \"id\": \"AW-2026-02\", \"participants\": [\"x\"] }");
    assertThat(failure(dir).problems())
        .filteredOn(p -> p.file().equals("awareness/AW-2026-02.json"))
        .extracting(Problem::field)
        .contains("deliveredOn", "method");
  }

  @Test
  void emptyDirectory_isEmptyRecords() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThat(RecordsDirectory.load(empty)).isEqualTo(AimsRecords.empty());
  }

  @Test
  void acceptanceBeyondCriteriaWithoutAuthorisedApprover_isRejected_namingFileRiskFieldAndValue()
      throws IOException {
    Path dir = copySamples(tmp);
    // R-004 (residual 3x4, HIGH) loses its approver; R-003, accepted at 3x3 (MEDIUM) by its owner
    // alone, is re-rated to a HIGH residual; R-005 is accepted at HIGH by someone the criteria do
    // not name.
    Path r4 = dir.resolve("risks/R-004.json");
    Files.writeString(
        r4, Files.readString(r4).replace("\"approver\": \"Chief Risk Officer\",", ""));
    Path r3 = dir.resolve("risks/R-003.json");
    Files.writeString(
        r3,
        Files.readString(r3)
            .replace(
                "\"residual\": { \"likelihood\": 3, \"severity\": 3 }",
                "\"residual\": { \"likelihood\": 4, \"severity\": 3 }"));
    Path r5 = dir.resolve("risks/R-005.json");
    Files.writeString(
        r5,
        Files.readString(r5)
            .replace(
                "\"reviewDate\": \"2027-03-31\"",
                "\"reviewDate\": \"2027-03-31\", \"acceptance\": { \"acceptedBy\": \"Head of"
                    + " Underwriting\", \"approver\": \"Head of Underwriting\", \"acceptedOn\":"
                    + " \"2026-10-01\", \"expiresOn\": \"2027-04-01\", \"rating\": {"
                    + " \"likelihood\": 2, \"severity\": 5 } }"));
    List<Problem> problems = failure(dir).problems();
    assertThat(problems)
        .extracting(Problem::file, Problem::record, Problem::field, Problem::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "risks/R-003.json", "R-003", "acceptance.approver", "empty"),
            org.assertj.core.groups.Tuple.tuple(
                "risks/R-004.json", "R-004", "acceptance.approver", "empty"),
            org.assertj.core.groups.Tuple.tuple(
                "risks/R-005.json", "R-005", "acceptance.approver", "'Head of Underwriting'"));
    assertThat(problems.get(0).message())
        .contains("residual level HIGH (likelihood 4, severity 3)")
        .contains("accepted level MEDIUM (likelihood 3, severity 3)")
        .contains("acceptable up to MEDIUM")
        .contains("Chief Risk Officer");
    assertThat(problems.get(1).toString())
        .matches(
            "risks/R-004\\.json:\\d+:\\d+ \\(record 'R-004'\\): field 'acceptance.approver': risk 'R-004'.*")
        .contains("accepted level HIGH")
        .endsWith("(value: empty)");
    assertThat(problems.get(2).message()).contains("authorise: Chief Risk Officer");
  }

  @Test
  void acceptanceRule_usesTheOrganisationsAuthorities() throws IOException {
    Path dir = copySamples(tmp);
    // The sample's R-004 is approved by the Chief Risk Officer; once the criteria name only the
    // Risk Committee, that approval no longer suffices.
    Path org = dir.resolve("organisation.json");
    Files.writeString(
        org, Files.readString(org).replace("[\"Chief Risk Officer\"]", "[\"Risk Committee\"]"));
    assertThat(failure(dir).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("risks/R-004.json");
              assertThat(p.value()).isEqualTo("'Chief Risk Officer'");
              assertThat(p.message()).endsWith("authorise: Risk Committee");
            });
  }
}
