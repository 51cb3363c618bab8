package dev.aims.examples.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.UnknownIdException;
import dev.aims.core.json.AimsJson;
import dev.aims.core.records.RecordsReader;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.system.ModelVersion;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the Java API answers to bad input: for each call, the exception type and what its message
 * must say, and what it must never say (key material, values given in secret).
 */
class ApiBadInputTest {
  static Path tmp;
  static NoteSigner signer;
  static String skey;
  static EvidenceLog log;

  @BeforeAll
  static void prepare() throws IOException {
    tmp = Files.createTempDirectory("api-bad-input");
    signer = NoteSigner.generate("example.com/bad-input");
    skey = signer.skey();
    log =
        EvidenceLog.builder()
            .directory(tmp.resolve("log"))
            .signer(signer)
            .origin("example.com/bad-input")
            .build();
    Files.writeString(
        tmp.resolve("risk.json"),
        "{\n"
            + "  \"id\": \"R-1\",\n"
            + "  \"systemId\": \"credit-scoring\",\n"
            + "  \"category\": \"DATUM\",\n"
            + "  \"riskSource\": \"C.3.4\",\n"
            + "  \"description\": \"d\",\n"
            + "  \"inherent\": { \"likelihood\": 4.7, \"severity\": 3 },\n"
            + "  \"residual\": { \"likelihood\": \"2\", \"severity\": 3 },\n"
            + "  \"treatment\": \"MODIFY_SYSTEM\",\n"
            + "  \"owner\": 42,\n"
            + "  \"reviewDate\": \"2027-03-31\"\n"
            + "}\n");
  }

  @AfterAll
  static void cleanUp() throws IOException {
    log.close();
    try (Stream<Path> s = Files.walk(tmp)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** A case: the call, the exception type, what its message says and must never say. */
  record Case(
      String name,
      ThrowingCallable call,
      Class<? extends Throwable> type,
      List<String> says,
      List<String> neverSays) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The base64 key of the signer key text {@code PRIVATE+KEY+name+id+base64}. */
  static String payload() {
    return skey.split("\\+", 5)[4].trim();
  }

  static Stream<Arguments> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "a model version with blank name and version",
            () -> ModelVersion.of("", ""),
            InvalidRecordException.class,
            List.of("name: must not be blank", "version: must not be blank"),
            List.of()));
    cases.add(
        new Case(
            "a rating beyond any scale",
            () -> RiskRating.of(9, 3),
            IllegalArgumentException.class,
            List.of("likelihood 9"),
            List.of()));
    cases.add(
        new Case(
            "a fraction where a whole number is expected",
            () ->
                AimsJson.mapper()
                    .readValue("{\"likelihood\": 4.7, \"severity\": 3}", RiskRating.class),
            MismatchedInputException.class,
            List.of("likelihood"),
            List.of()));
    cases.add(
        new Case(
            "a string where a whole number is expected",
            () ->
                AimsJson.mapper()
                    .readValue("{\"likelihood\": \"4\", \"severity\": 3}", RiskRating.class),
            MismatchedInputException.class,
            List.of("likelihood"),
            List.of()));
    cases.add(
        new Case(
            "a record file with four wrong values: all four named, with their lines",
            () -> RecordsReader.standard().readRecord(tmp.resolve("risk.json"), RiskEntry.class),
            InvalidRecordException.class,
            List.of(
                "4 problems in RiskEntry file",
                "risk.json:4:3 (record 'R-1'): field 'category': expected one of [",
                "risk.json:7:17 (record 'R-1'): field 'inherent.likelihood': expected a whole"
                    + " number (value: 4.7)",
                "risk.json:8:17 (record 'R-1'): field 'residual.likelihood': expected a whole"
                    + " number (value: '2')",
                "risk.json:10:3 (record 'R-1'): field 'owner': expected text (value: 42)"),
            List.of()));
    cases.add(
        new Case(
            "records at a path that does not exist",
            () -> RecordsReader.standard().read(tmp.resolve("nowhere")),
            InvalidRecordException.class,
            List.of("nowhere: no such file; expected an AimsRecords JSON file or a records"),
            List.of()));
    cases.add(
        new Case(
            "a file where a records directory is expected",
            () -> RecordsReader.standard().readDirectory(tmp.resolve("risk.json")),
            InvalidRecordException.class,
            List.of("risk.json", "is a file, not a records directory"),
            List.of()));
    cases.add(
        new Case(
            "a control objective asked for as a control",
            () -> Catalog.standard().control("A.6.1"),
            UnknownIdException.class,
            List.of("'A.6.1' is control objective A.6.1", "not a control"),
            List.of()));
    cases.add(
        new Case(
            "a commitment to null",
            () -> log.commit(null),
            NullPointerException.class,
            List.of("value"),
            List.of()));
    cases.add(
        new Case(
            "a signer key where a verifier key is expected",
            () -> NoteVerifier.parse(skey),
            NoteException.class,
            List.of("this is a signer key (secret); pass its verifier key (.vkey)"),
            List.of(skey, payload())));
    cases.add(
        new Case(
            "a signer key with its last character changed",
            () -> NoteSigner.parse(skey.substring(0, skey.length() - 2) + "!!"),
            NoteException.class,
            List.of("signer key data is not valid base64"),
            List.of(
                skey.substring(0, skey.length() - 2),
                payload().substring(0, payload().length() - 2))));
    cases.add(
        new Case(
            "a records reader check that is null",
            () -> RecordsReader.builder().check(null),
            NullPointerException.class,
            List.of("check"),
            List.of()));
    cases.add(
        new Case(
            "an evidence log without a signer",
            () ->
                EvidenceLog.builder()
                    .directory(tmp.resolve("other"))
                    .origin("example.com/bad-input")
                    .build(),
            IllegalStateException.class,
            List.of("signer"),
            List.of()));
    return cases.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInput_isRefusedWithANamedError(Case c) {
    Throwable thrown = catchThrowable(c.call());
    assertThat(thrown).as(c.name()).isInstanceOf(c.type());
    String text = String.valueOf(thrown.getMessage()) + "\n" + thrown;
    for (String said : c.says()) {
      assertThat(text).as(c.name()).contains(said);
    }
    for (String never : c.neverSays()) {
      assertThat(text).as(c.name()).doesNotContain(never);
    }
  }
}
