package dev.aims.core.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aims.core.json.AimsJson;
import dev.aims.core.system.AiSystem;
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

class RecordsReaderTest {
  private static final Path SAMPLES = Path.of("../samples/records");

  @TempDir Path tmp;

  private Path copySamples() throws IOException {
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

  private static void edit(Path file, String from, String to) throws IOException {
    String before = Files.readString(file);
    String after = before.replace(from, to);
    assertThat(after).as("edit of " + file).isNotEqualTo(before);
    Files.writeString(file, after);
  }

  private static List<Violation> problems(Runnable read) {
    InvalidRecordException e = catchThrowableOfType(read::run, InvalidRecordException.class);
    assertThat(e).as("expected the records to be rejected").isNotNull();
    return e.violations();
  }

  @Test
  void readDirectory_readsTheSamples() {
    AimsRecords records = RecordsReader.standard().read(SAMPLES);
    assertThat(records.systems()).extracting(AiSystem::id).contains("credit-scoring");
    assertThat(records.consistencyProblems()).isEmpty();
  }

  @Test
  void valuesOfAnotherJsonType_areNeverCoerced_andEveryProblemOfTheFileIsReported()
      throws IOException {
    Path dir = copySamples();
    Path r1 = dir.resolve("risks/R-001.json");
    edit(r1, "\"inherent\": { \"likelihood\": 4,", "\"inherent\": { \"likelihood\": 4.7,");
    edit(r1, "\"residual\": { \"likelihood\": 2,", "\"residual\": { \"likelihood\": \"2\",");
    edit(r1, "\"owner\": \"Head of Credit Risk\"", "\"owner\": 42");
    edit(r1, "\"reviewDate\": \"2027-03-31\"", "\"reviewDate\": true");
    List<Violation> problems = problems(() -> RecordsReader.standard().read(dir));
    assertThat(problems)
        .extracting(
            v -> v.location().file(), v -> v.location().record(), Violation::path, Violation::value)
        .containsExactlyInAnyOrder(
            tuple("risks/R-001.json", "R-001", "inherent.likelihood", "4.7"),
            tuple("risks/R-001.json", "R-001", "residual.likelihood", "'2'"),
            tuple("risks/R-001.json", "R-001", "owner", "42"),
            tuple("risks/R-001.json", "R-001", "reviewDate", "true"));
    assertThat(problems)
        .filteredOn(v -> v.path().equals("inherent.likelihood"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.message()).isEqualTo("expected a whole number");
              assertThat(v.location().line()).isEqualTo(7);
              assertThat(v.location().column()).isGreaterThan(1);
              assertThat(v.toString())
                  .matches(
                      "risks/R-001\\.json:7:\\d+ \\(record 'R-001'\\): field"
                          + " 'inherent\\.likelihood': expected a whole number \\(value: 4\\.7\\)");
            });
    assertThat(problems)
        .filteredOn(v -> v.path().equals("owner"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("text"));
  }

  @Test
  void aRequiredFieldWithABadValue_isReportedOnceForItsValue() throws IOException {
    Path dir = copySamples();
    edit(dir.resolve("risks/R-001.json"), "\"category\": \"DATA\"", "\"category\": 3");
    assertThat(problems(() -> RecordsReader.standard().read(dir)))
        .extracting(Violation::path, Violation::value)
        .containsExactly(tuple("category", "3"));
  }

  @Test
  void unknownFieldsAndBadElementsOfLists_areAllReportedWithTheFilesIndexes() throws IOException {
    Path dir = copySamples();
    Path objective = dir.resolve("objectives/OBJ-01.json");
    edit(
        objective,
        "\"systemIds\": [\"credit-scoring\"]",
        "\"systemIds\": [1, \"credit-scoring\", 2]");
    edit(objective, "\"unit\":", "\"colour\": \"blue\", \"unit\":");
    assertThat(problems(() -> RecordsReader.standard().read(dir)))
        .extracting(Violation::path, Violation::constraint)
        .containsExactlyInAnyOrder(
            tuple("systemIds[0]", "Type"),
            tuple("systemIds[2]", "Type"),
            tuple("colour", "UnknownField"));
  }

  @Test
  void oneFileOfAllRecords_isReadByTheSameRules() throws IOException {
    AimsRecords samples = RecordsReader.standard().read(SAMPLES);
    Path file = tmp.resolve("aims-records.json");
    Files.writeString(
        file, AimsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(samples));
    assertThat(RecordsReader.standard().read(file)).isEqualTo(samples);

    // A system id that breaks the id rule, and a risk that names a system that is not there.
    String text = Files.readString(file);
    Files.writeString(
        file,
        text.replaceFirst("\"id\" : \"customer-assistant\"", "\"id\" : \"../../../escaped\"")
            .replaceFirst(
                "\"systemId\" : \"credit-scoring\"", "\"systemId\" : \"Credit Scoring\""));
    List<Violation> problems = problems(() -> RecordsReader.standard().read(file));
    assertThat(problems)
        .anySatisfy(
            v -> {
              assertThat(v.path()).matches("systems\\[\\d+\\]\\.id");
              assertThat(v.value()).isEqualTo("'../../../escaped'");
              assertThat(v.location().file()).isEqualTo(file.toString());
              assertThat(v.location().line()).isPositive();
            })
        .anySatisfy(
            v -> {
              assertThat(v.path()).matches("risks\\[\\d+\\]\\.systemId");
              assertThat(v.value()).isEqualTo("'Credit Scoring'");
              assertThat(v.location().record()).startsWith("R-");
            });
  }

  @Test
  void aCheckAddedToTheReader_isLocatedInTheFileOfTheRecordItNames() throws IOException {
    Path dir = copySamples();
    RecordsReader reader =
        RecordsReader.builder()
            .check(
                r ->
                    List.of(
                        new Violation("risks[1].owner", "Owner", "'x'", "is not an owner we know")))
            .build();
    assertThat(problems(() -> reader.read(dir)))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.location().file()).isEqualTo("risks/R-002.json");
              assertThat(v.path()).isEqualTo("owner");
              assertThat(v.location().line()).isPositive();
            });
  }

  @Test
  void pathsThatAreNotRecords_sayWhatWasExpected() throws IOException {
    assertThat(problems(() -> RecordsReader.standard().read(tmp.resolve("nowhere"))))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.toString())
                    .isEqualTo(
                        tmp.resolve("nowhere")
                            + ": no such file; expected an AimsRecords JSON file or a records"
                            + " directory"));
    Path file = Files.writeString(tmp.resolve("one.json"), "{}");
    assertThat(problems(() -> RecordsReader.standard().readDirectory(file)))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).startsWith("is a file, not a records directory"));
    assertThat(problems(() -> RecordsReader.standard().readRecord(tmp, AiSystem.class)))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.message())
                    .isEqualTo("is a directory; expected a JSON file holding an AiSystem"));
    Files.writeString(file, "");
    assertThat(problems(() -> RecordsReader.standard().readRecord(file, AiSystem.class)))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.message())
                    .isEqualTo("is empty; expected one JSON object holding an AiSystem"));
  }

  @Test
  void readRecord_reportsSyntaxErrorsWithLineAndColumn() throws IOException {
    Path file =
        Files.writeString(tmp.resolve("s.json"), "{\"id\": \"x\",\n  \"name\": 2026-01-01 }");
    assertThat(problems(() -> RecordsReader.standard().readRecord(file, AiSystem.class)))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.constraint()).isEqualTo("Json");
              assertThat(v.location().line()).isEqualTo(2);
              assertThat(v.message()).startsWith("not valid JSON");
            });
  }

  @Test
  void oneRecordGivenWhereAllTheRecordsAreExpected_saysWhatToGive() throws IOException {
    Path system = SAMPLES.resolve("systems/credit-scoring.json");
    assertThat(problems(() -> RecordsReader.standard().read(system)))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.message())
                    .startsWith("holds none of the fields of all the records [organisation, scope,")
                    .contains("found [id, name,")
                    .contains("give the records directory"));
  }

  @Test
  void everyFieldOfAllTheRecords_isKnownToTheReader() throws IOException {
    String written = AimsJson.mapper().writeValueAsString(RecordsReader.standard().read(SAMPLES));
    com.fasterxml.jackson.databind.JsonNode tree = AimsJson.mapper().readTree(written);
    Path file = tmp.resolve("only-systems.json");
    tree.fieldNames()
        .forEachRemaining(
            f -> {
              try {
                Files.writeString(file, "{\"" + f + "\": " + tree.get(f) + "}");
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              // A file with any one field of all the records is read as records, not refused whole.
              try {
                RecordsReader.standard().read(file);
              } catch (InvalidRecordException e) {
                assertThat(e.violations())
                    .as(f)
                    .noneMatch(v -> v.message().startsWith("holds none of the fields"));
              }
            });
  }

  @Test
  void readmeSnippet_readsADirectoryAFileOfAllAndOneRecord() throws IOException {
    Files.writeString(
        tmp.resolve("aims-records.json"),
        AimsJson.mapper().writeValueAsString(RecordsReader.standard().read(SAMPLES)));
    Files.copy(SAMPLES.resolve("systems/credit-scoring.json"), tmp.resolve("credit-scoring.json"));
    Path samples = SAMPLES;
    Path dir = tmp;
    // --- README snippet starts ---
    AimsRecords all = RecordsReader.standard().read(samples); // a records directory
    AimsRecords same =
        RecordsReader.standard().read(dir.resolve("aims-records.json")); // or one file of all
    AiSystem one =
        RecordsReader.standard().readRecord(dir.resolve("credit-scoring.json"), AiSystem.class);
    // --- README snippet ends ---
    assertThat(same).isEqualTo(all);
    assertThat(all.systems()).contains(one);
  }
}
