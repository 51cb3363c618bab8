package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.core.json.AimsJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the {@code aims} command answers to bad input: for each input, the exit code and the exact
 * text on standard error. {@code {tmp}}, {@code {log}}, {@code {skey}}, {@code {vkey}} and {@code
 * {pack}} in the arguments and the expected text stand for the paths of this run.
 */
@ExtendWith(DemoRun.Resolver.class)
class BadInputTest {
  @TempDir static Path tmp;

  static Path log;
  static Path skey;
  static Path vkey;
  static Path pack;

  @BeforeAll
  static void prepare(DemoRun demo) throws IOException {
    log = demo.dir.resolve("evidence");
    skey = demo.dir.resolve("keys/log.skey");
    vkey = demo.dir.resolve("keys/log.vkey");
    pack = demo.pack;

    edited("coerced-float", "risks/R-001.json", "\"likelihood\": 4,", "\"likelihood\": 4.7,");
    edited("coerced-string", "risks/R-001.json", "\"likelihood\": 4,", "\"likelihood\": \"4\",");
    edited(
        "coerced-text", "risks/R-001.json", "\"owner\": \"Head of Credit Risk\"", "\"owner\": 42");
    edited(
        "coerced-boolean",
        "systems/credit-scoring.json",
        "\"owner\": \"Head of Credit Risk\"",
        "\"owner\": true");
    Path three =
        edited("three-wrong", "risks/R-001.json", "\"likelihood\": 4,", "\"likelihood\": 4.7,");
    replace(three.resolve("risks/R-001.json"), "\"category\": \"DATA\"", "\"category\": \"DATUM\"");
    replace(
        three.resolve("risks/R-001.json"),
        "\"reviewDate\": \"2027-03-31\"",
        "\"reviewDate\": 2027");

    Path records = demo.pack.resolve("records/aims-records.json");
    ObjectNode tree = (ObjectNode) AimsJson.mapper().readTree(records.toFile());
    ArrayNode systems = (ArrayNode) tree.get("systems");
    systems.add(((ObjectNode) systems.get(0).deepCopy()).put("id", "../../../escaped"));
    AimsJson.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(tmp.resolve("escaping.json").toFile(), tree);
    tree = (ObjectNode) AimsJson.mapper().readTree(records.toFile());
    systems = (ArrayNode) tree.get("systems");
    systems.add(((ObjectNode) systems.get(0).deepCopy()).put("id", "Credit Scoring"));
    AimsJson.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(tmp.resolve("spaced-id.json").toFile(), tree);
    Files.writeString(tmp.resolve("truncated.json"), "{\n  \"systems\": [");
    Files.writeString(tmp.resolve("unknown-field.json"), "{\"systems\": [], \"foo\": 1}");
    Files.writeString(tmp.resolve("a-file"), "not a directory");
    Files.createDirectories(tmp.resolve("not-empty"));
    Files.writeString(tmp.resolve("not-empty/x"), "x");
  }

  /** Copies the sample records to {@code tmp/NAME} with one edit. */
  private static Path edited(String name, String file, String from, String to) throws IOException {
    Path dir = RecordsDirectoryTest.copySamples(tmp.resolve(name));
    replace(dir.resolve(file), from, to);
    return dir;
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String before = Files.readString(file);
    String after = before.replaceFirst(java.util.regex.Pattern.quote(from), to);
    assertThat(after).as("edit of " + file).isNotEqualTo(before);
    Files.writeString(file, after);
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    // Records: nothing is coerced; each value of another JSON type is named with its file,
    // record, field, line and value.
    cases.add(
        Arguments.of(
            "a fraction where a whole number is expected",
            List.of("gap", "{tmp}/coerced-float/records"),
            2,
            "aims: 1 problem in records directory {tmp}/coerced-float/records:\n"
                + "  - risks/R-001.json:7:17 (record 'R-001'): field 'inherent.likelihood':"
                + " expected a whole number (value: 4.7)\n"));
    cases.add(
        Arguments.of(
            "a string where a whole number is expected",
            List.of("gap", "{tmp}/coerced-string/records"),
            2,
            "aims: 1 problem in records directory {tmp}/coerced-string/records:\n"
                + "  - risks/R-001.json:7:17 (record 'R-001'): field 'inherent.likelihood': expected a whole number (value: '4')\n"));
    cases.add(
        Arguments.of(
            "a number where text is expected",
            List.of("gap", "{tmp}/coerced-text/records"),
            2,
            "aims: 1 problem in records directory {tmp}/coerced-text/records:\n"
                + "  - risks/R-001.json:12:3 (record 'R-001'): field 'owner': expected text (value: 42)\n"));
    cases.add(
        Arguments.of(
            "a boolean where text is expected",
            List.of("soa", "{tmp}/coerced-boolean/records"),
            2,
            "aims: 1 problem in records directory {tmp}/coerced-boolean/records:\n"
                + "  - systems/credit-scoring.json:24:3 (record 'credit-scoring'): field 'owner': expected text (value: true)\n"));
    cases.add(
        Arguments.of(
            "three wrong fields of one file, all reported",
            List.of("readiness", "{tmp}/three-wrong/records"),
            2,
            "aims: 3 problems in records directory {tmp}/three-wrong/records:\n"
                + "  - risks/R-001.json:4:3 (record 'R-001'): field 'category': expected one of [MODEL, DATA, OPERATIONAL, SUPPLY_CHAIN, SOCIETAL] (value: 'DATUM')\n"
                + "  - risks/R-001.json:7:17 (record 'R-001'): field 'inherent.likelihood': expected a whole number (value: 4.7)\n"
                + "  - risks/R-001.json:13:3 (record 'R-001'): field 'reviewDate': expected a date such as 2026-01-31 (value: 2027)\n"));
    cases.add(
        Arguments.of(
            "a records directory that does not exist",
            List.of("gap", "{tmp}/nowhere"),
            2,
            "aims: 1 problem in records {tmp}/nowhere:\n"
                + "  - {tmp}/nowhere: no such file; expected an AimsRecords JSON file or a records directory\n"));
    cases.add(
        Arguments.of(
            "one record where all the records are expected",
            List.of("gap", "{tmp}/coerced-text/records/systems/credit-scoring.json"),
            2,
            "aims: 1 problem in records file {tmp}/coerced-text/records/systems/credit-scoring.json:\n"
                + "  - {tmp}/coerced-text/records/systems/credit-scoring.json:1:1 (record 'credit-scoring'): holds none of the fields of all the records [organisation, scope, systems, risks, impactAssessments, soa, objectives, auditProgrammes, auditReports, managementReviews, nonconformities, correctiveActions, improvements, competence, awareness, supplierAssessments, incidents, policies, oversight] (found [id, name, intendedPurpose, roles, lifecycleStage]); give the records directory, or one JSON file of all the records (an AimsRecords, as an audit pack's records/aims-records.json)\n"));
    // Export: records read by the same rules; nothing written outside the pack, or half-written.
    cases.add(
        Arguments.of(
            "export: a system id that would leave the pack",
            List.of(
                "export",
                "{log}",
                "--out",
                "{tmp}/p1",
                "--records",
                "{tmp}/escaping.json",
                "--key",
                "{skey}"),
            2,
            "aims: 1 problem in records file {tmp}/escaping.json:\n"
                + "  - {tmp}/escaping.json:34:5 (record '../../../escaped'): field 'systems[1].id': must match \"[a-z0-9][a-z0-9._-]{0,63}\" (value: '../../../escaped')\n"));
    cases.add(
        Arguments.of(
            "export: a system id that breaks the id rule",
            List.of(
                "export",
                "{log}",
                "--out",
                "{tmp}/p2",
                "--records",
                "{tmp}/spaced-id.json",
                "--key",
                "{skey}"),
            2,
            "aims: 1 problem in records file {tmp}/spaced-id.json:\n"
                + "  - {tmp}/spaced-id.json:34:5 (record 'Credit Scoring'): field 'systems[1].id': must match \"[a-z0-9][a-z0-9._-]{0,63}\" (value: 'Credit Scoring')\n"));
    cases.add(
        Arguments.of(
            "export: a truncated records file",
            List.of(
                "export",
                "{log}",
                "--out",
                "{tmp}/p3",
                "--records",
                "{tmp}/truncated.json",
                "--key",
                "{skey}"),
            2,
            "aims: 1 problem in records file {tmp}/truncated.json:\n"
                + "  - {tmp}/truncated.json:2:15: not valid JSON: Unexpected end-of-input: expected close marker for Array (start marker at line 2, column 14)\n"));
    cases.add(
        Arguments.of(
            "export: an unknown field in the records file",
            List.of(
                "export",
                "{log}",
                "--out",
                "{tmp}/p4",
                "--records",
                "{tmp}/unknown-field.json",
                "--key",
                "{skey}"),
            2,
            "aims: 1 problem in records file {tmp}/unknown-field.json:\n"
                + "  - {tmp}/unknown-field.json:1:17: field 'foo': is not a field of AimsRecords; known fields: [auditProgrammes, auditReports, awareness, competence, correctiveActions, impactAssessments, improvements, incidents, managementReviews, nonconformities, objectives, organisation, oversight, policies, risks, scope, soa, supplierAssessments, systems]\n"));
    cases.add(
        Arguments.of(
            "export: a pack target that is a file",
            List.of(
                "export",
                "{log}",
                "--out",
                "{tmp}/a-file",
                "--records",
                "../samples/records",
                "--key",
                "{skey}"),
            2,
            "aims: pack directory {tmp}/a-file is a file; give a new or empty directory\n"));
    cases.add(
        Arguments.of(
            "export: a pack target that is not empty",
            List.of(
                "export",
                "{log}",
                "--out",
                "{tmp}/not-empty",
                "--records",
                "../samples/records",
                "--key",
                "{skey}"),
            2,
            "aims: pack directory {tmp}/not-empty is not empty; give a new or empty directory\n"));
    return cases.stream();
  }

  record Run(int code, String out, String err) {}

  private static String paths(String s) {
    return s.replace("{tmp}", tmp.toString())
        .replace("{log}", log.toString())
        .replace("{skey}", skey.toString())
        .replace("{vkey}", vkey.toString())
        .replace("{pack}", pack.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInput_getsItsExactMessageAndExitCode(
      String name, List<String> args, int code, String err) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int exit =
        Aims.run(
            new PrintWriter(o),
            new PrintWriter(e),
            args.stream().map(BadInputTest::paths).toArray(String[]::new));
    assertThat(e.toString()).as(name).isEqualTo(paths(err));
    assertThat(exit).as(name).isEqualTo(code);
  }
}
