package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
@ExtendWith(SamplePack.Resolver.class)
class BadInputTest {
  @TempDir static Path tmp;

  static Path log;
  static Path skey;
  static Path vkey;
  static Path pack;

  @BeforeAll
  static void prepare(SamplePack sample) throws IOException {
    log = sample.dir.resolve("evidence");
    skey = sample.dir.resolve("keys/log.skey");
    vkey = sample.dir.resolve("keys/log.vkey");
    pack = sample.pack;

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

    Path records = sample.pack.resolve("records/aims-records.json");
    PackExportTest.withSecondSystem(records, "../../../escaped", tmp.resolve("escaping.json"));
    PackExportTest.withSecondSystem(records, "Credit Scoring", tmp.resolve("spaced-id.json"));
    Files.writeString(tmp.resolve("truncated.json"), "{\n  \"systems\": [");
    Files.writeString(tmp.resolve("unknown-field.json"), "{\"systems\": [], \"foo\": 1}");
    Files.writeString(tmp.resolve("a-file"), "not a directory");
    StringWriter proveOut = new StringWriter();
    int proved =
        Aims.run(
            new PrintWriter(proveOut),
            new PrintWriter(new StringWriter()),
            "prove",
            log.toString(),
            "--index",
            "0",
            "--out",
            tmp.resolve("r.tlog-proof").toString());
    assertThat(proved).as(proveOut.toString()).isZero();
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
                + "  - {tmp}/escaping.json:148:5 (record '../../../escaped'): field 'systems[2].id': must match \"[a-z0-9][a-z0-9._-]{0,63}\" (value: '../../../escaped')\n"));
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
                + "  - {tmp}/spaced-id.json:148:5 (record 'Credit Scoring'): field 'systems[2].id': must match \"[a-z0-9][a-z0-9._-]{0,63}\" (value: 'Credit Scoring')\n"));
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
    // Keys: a signer key where a verifier key is expected is refused, and never printed.
    cases.add(
        Arguments.of(
            "verify: a signer key for --key",
            List.of("verify", "{log}", "--key", "{skey}"),
            2,
            "--key: {skey}: this is a signer key (secret); pass its verifier key (.vkey)\n"
                + "Usage: aims verify [-hV] [--follow-key-rotations] [--opaque] [--[no-]progress]\n"
                + "                   [--jdbc=URL] [--log=ORIGIN] [--max-problems=N] [--quorum=K]\n"
                + "                   [--tsa-cert=CERT] --key=VKEY [--key=VKEY]...\n"
                + "                   [--since=FILE]... [--witness=VKEY]... [DIR]\n"
                + "Verify an evidence log offline: an AIMS log directory, or a C2SP tlog-tiles\n"
                + "directory (as 'aims export' writes) whose entries are treated as opaque bytes.\n"
                + "Checks that every entry is a canonical JSON evidence record (as 'aims log show'\n"
                + "reads them; not with --opaque), recomputes every leaf hash, tree node and root,\n"
                + "checks every checkpoint's signature, the consistency of each checkpoint with\n"
                + "the next, and that a checkpoint covers every entry. Exit code 0 when everything\n"
                + "holds, 1 when a check fails, 2 on unusable input.\n"
                + "With --jdbc URL --log ORIGIN instead of DIR: the log of that origin in a\n"
                + "PostgreSQL database, read in one pass (the password from the environment\n"
                + "variable PGPASSWORD).\n"
                + "      [DIR]              The log directory (or give --jdbc and --log instead).\n"
                + "      --follow-key-rotations\n"
                + "                         Also trust the next key of each key rotation record\n"
                + "                           that a checkpoint signed by a trusted key covers\n"
                + "                           (then only the log's first key is needed).\n"
                + "  -h, --help             Show this help message and exit.\n"
                + "      --jdbc=URL         Read the evidence log from PostgreSQL: jdbc:postgresql:\n"
                + "                           //HOST[:PORT]/DATABASE[?user=USER] (needs --log).\n"
                + "                           The password is taken from the environment variable\n"
                + "                           PGPASSWORD, never from the URL; the user from PGUSER\n"
                + "                           when the URL names none.\n"
                + "      --key=VKEY         A verifier key: a .vkey file or the key text. Repeat\n"
                + "                           it for a log whose key was rotated.\n"
                + "      --log=ORIGIN       With --jdbc: the origin (name) of the log in the\n"
                + "                           database.\n"
                + "      --max-problems=N   List at most N problems (default: 100); the rest are\n"
                + "                           counted.\n"
                + "      --opaque           Treat the entries as opaque bytes: check only the\n"
                + "                           bytes, the tree and the signatures, not that each\n"
                + "                           entry is a canonical JSON evidence record (its\n"
                + "                           envelope and its body's schema).\n"
                + "      --[no-]progress    Draw a progress bar on stderr (default: when stderr is\n"
                + "                           a terminal or the log has more than 100,000 entries).\n"
                + "      --quorum=K         How many of the --witness keys must have cosigned a\n"
                + "                           checkpoint (default: all of them).\n"
                + "      --since=FILE       A checkpoint kept from earlier ('aims checkpoint DIR >\n"
                + "                           FILE'; a file may hold several signed notes): the\n"
                + "                           log must still extend it, by a consistency proof\n"
                + "                           from its size to the log's latest checkpoint. A log\n"
                + "                           rewritten at or below its size, or cut back below\n"
                + "                           it, fails naming the file. Repeat it for several\n"
                + "                           files.\n"
                + "      --tsa-cert=CERT    Also check the log's RFC 3161 timestamps\n"
                + "                           (timestamps/<size>.tsr) with this TSA certificate\n"
                + "                           (PEM or DER; or its issuer's) and print each\n"
                + "                           checkpoint's time; fails on a bad token or none.\n"
                + "  -V, --version          Print version information and exit.\n"
                + "      --witness=VKEY     A trusted witness's verifier key: a file or the key\n"
                + "                           text. Repeat it for each witness; the log then fails\n"
                + "                           unless the quorum of them cosigned a checkpoint of\n"
                + "                           it.\n"));
    cases.add(
        Arguments.of(
            "verify-proof: a signer key for --key",
            List.of("verify-proof", "{tmp}/r.tlog-proof", "--key", "{skey}"),
            2,
            "--key: {skey}: this is a signer key (secret); pass its verifier key (.vkey)\n"
                + "Usage: aims verify-proof [-hV] [--show-entry] [--entry=FILE] --key=VKEY FILE\n"
                + "Verify an inclusion proof (C2SP tlog-proof, as written by 'aims prove') offline\n"
                + "with the log's verifier key.\n"
                + "Checks: record bytes -> leaf hash -> inclusion proof -> checkpoint root ->\n"
                + "checkpoint signature. Exit code 0 when the proof holds, 1 when a check fails, 2\n"
                + "on unusable input.\n"
                + "      FILE           The proof file (.tlog-proof).\n"
                + "      --entry=FILE   The record's exact bytes, for proofs that do not carry\n"
                + "                       them (no 'extra' line).\n"
                + "  -h, --help         Show this help message and exit.\n"
                + "      --key=VKEY     The log's verifier key: a .vkey file, or the key text\n"
                + "                       name+id+key itself.\n"
                + "      --show-entry   Also print the verified record.\n"
                + "  -V, --version      Print version information and exit.\n"));
    cases.add(
        Arguments.of(
            "pack verify: a signer key for --key",
            List.of("pack", "verify", "{pack}", "--key", "{skey}"),
            2,
            "--key: {skey}: this is a signer key (secret); pass its verifier key (.vkey)\n"
                + "Usage: aims pack verify [-hV] [--key=VKEY] PACK\n"
                + "Verify an audit pack: the manifest's signature, every file's SHA-256, no added\n"
                + "files, and the evidence log. Exit code 0 only when everything holds.\n"
                + "      PACK         The audit pack directory.\n"
                + "  -h, --help       Show this help message and exit.\n"
                + "      --key=VKEY   The log's verifier key (a .vkey file, or the key text),\n"
                + "                     obtained independently of the pack (default: the pack's\n"
                + "                     own log.vkey, with a warning).\n"
                + "  -V, --version    Print version information and exit.\n"));
    cases.add(
        Arguments.of(
            "pack verify: a folder that is not a pack",
            List.of("pack", "verify", "{tmp}/not-empty", "--key", "{vkey}"),
            2,
            "FAILED: {tmp}/not-empty is not an audit pack: no MANIFEST; expected a directory as 'aims export --out' writes it (MANIFEST, log.vkey, log/, records/, reports/)\n"));
    cases.add(
        Arguments.of(
            "keygen: --out names a file",
            List.of("keygen", "--name", "log", "--out", "{tmp}/a-file"),
            1,
            "aims keygen: --out {tmp}/a-file is a file, not a directory; keygen writes NAME.skey and NAME.vkey into the directory that --out names\n"));
    // The catalogue: ids of another kind, and unknown crosswalks, say what they are.
    cases.add(
        Arguments.of(
            "catalog: an unknown crosswalk",
            List.of("catalog", "--crosswalk", "foo"),
            2,
            "aims catalog: unknown crosswalk 'foo'; the known crosswalks are nist-ai-rmf, iso-27001, iso-9001, iso-14001, eu-ai-act, iso-31000, iso-23894, iso-27701\n"));
    cases.add(
        Arguments.of(
            "catalog: a control objective asked for as a control",
            List.of("catalog", "--control", "A.6.1"),
            2,
            "aims catalog: 'A.6.1' is control objective A.6.1 of Annex A (Management guidance for AI system development), not a control; its controls are A.6.1.2, A.6.1.3\n"
                + "show one with: aims catalog --control A.6.1.2\n"));
    cases.add(
        Arguments.of(
            "catalog: a term asked for as a clause",
            List.of("catalog", "--clause", "3.24"),
            2,
            "aims catalog: '3.24' is term 3.24 of Clause 3 (Terms and definitions), 'AI system impact assessment', not a clause: Clause 3 defines terms and sets no requirements (the clauses here are 4 to 10); the term matters in 6.1.4, 8.4, A.5.2, A.5.3, A.5.4, A.5.5\n"
                + "show one with: aims catalog --clause 6.1.4; the terms are explained by: aims catalog --terms\n"));
    return cases.stream();
  }

  private static String readKey() {
    try {
      return Files.readString(skey).trim();
    } catch (IOException x) {
      throw new java.io.UncheckedIOException(x);
    }
  }

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
    String secret = readKey();
    assertThat(o + e.toString()).as(name).doesNotContain(secret.split("\\+", 5)[4]);
  }
}
