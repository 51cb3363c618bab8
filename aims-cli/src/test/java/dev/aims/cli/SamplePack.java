package dev.aims.cli;

import dev.aims.audit.StagedDirectory;
import dev.aims.audit.pack.AuditPack;
import dev.aims.core.records.AimsRecords;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.KeyFiles;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.MonitoringKind;
import dev.aims.evidence.record.OversightOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One audit pack for the tests of the commands that read packs, logs and records: the records of
 * {@code samples/records} but their management review, a log of {@value #DECISIONS} credit
 * decisions (some reviewed by a person, some of those overridden) with drift and fairness
 * monitoring, and its signer and verifier keys, laid out as {@code aims demo} lays out its output.
 * Made once per test JVM; a test that changes a file of it puts it back before it ends.
 *
 * <p>Test classes take it as a parameter of their {@code @BeforeAll} method, with
 * {@code @ExtendWith(SamplePack.Resolver.class)}; its directory is deleted when the test run ends.
 */
final class SamplePack implements ExtensionContext.Store.CloseableResource {
  /** Decisions the log holds. */
  static final int DECISIONS = 300;

  /** The AI system the log's records are about, as in the sample records. */
  static final String SYSTEM = "credit-scoring";

  /** Every this many decisions, the monitoring metrics are logged once each. */
  static final int BATCH = 100;

  /** The drift metric, breaching its threshold from the second batch on. */
  static final String PSI = "population_stability_index";

  /** The fairness metric, within its threshold throughout. */
  static final String RATIO = "approval_rate_ratio_under30";

  /** The directory: {@code evidence/}, {@code keys/log.skey}, {@code keys/log.vkey}, the pack. */
  final Path dir;

  /** The audit pack. */
  final Path pack;

  /** How many decisions a person reviewed. */
  final long reviewed;

  /** How many of the reviewed decisions the person overrode. */
  final long overridden;

  private SamplePack() {
    try {
      dir = Files.createTempDirectory("aims-pack-test");
      pack = dir.resolve("audit-pack");
      Path logDir = dir.resolve("evidence");
      Files.createDirectories(dir.resolve("keys"));
      NoteSigner signer = NoteSigner.generate("test.aims.dev/credit-scoring");
      KeyFiles.writeSecret(dir.resolve("keys/log.skey"), signer.skey() + "\n");
      Files.writeString(
          dir.resolve("keys/log.vkey"), signer.verifier().vkey() + "\n", StandardCharsets.UTF_8);
      long r = 0;
      long o = 0;
      Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
      try (EvidenceLog log =
          EvidenceLog.builder().directory(logDir).signer(signer).origin(signer.name()).build()) {
        for (int i = 0; i < DECISIONS; i++) {
          Instant t = start.plusSeconds(6L * i);
          AiDecision.Builder d =
              AiDecision.builder()
                  .system(SYSTEM)
                  .occurredAt(t)
                  .model("credit-logreg")
                  .modelVersion("1.0.0")
                  .input(log.commit(Map.of("applicant", String.format("APP-%06d", i))))
                  .output(ProtectedValue.redacted("score band C"))
                  .confidence("0.5" + (i % 10))
                  .decision(i % 2 == 0 ? "approve" : "decline");
          // Every sixth decision is borderline and reviewed; every fourth review overrides.
          if (i % 6 == 0) {
            r++;
            boolean override = i % 24 == 0;
            o += override ? 1 : 0;
            d.oversight(
                override
                    ? HumanOversight.builder()
                        .reviewer("uw-017")
                        .outcome(OversightOutcome.OVERRIDDEN)
                        .overrideReason("guarantor added to the application")
                        .build()
                    : HumanOversight.of("uw-042", OversightOutcome.APPROVED));
          }
          log.append(d.build());
          if ((i + 1) % BATCH == 0) {
            boolean drift = i + 1 > BATCH;
            log.append(
                monitoring(
                    t, PSI, drift ? "0.4100" : "0.0500", "0.25", MonitoringKind.DRIFT, drift));
            log.append(monitoring(t, RATIO, "0.9100", "0.80", MonitoringKind.BIAS, false));
          }
          if (i + 1 == DECISIONS / 2) {
            log.checkpoint();
          }
        }
        log.flush();
        log.checkpoint();
      }
      reviewed = r;
      overridden = o;
      // The samples without their management review, so that the readiness checklists have a red
      // item to show (Clause 9.3 not yet met).
      AimsRecords samples = RecordsDirectory.load(Path.of("../samples/records"));
      AimsRecords records =
          AimsRecords.builder().from(samples).managementReviews(List.of()).build();
      AuditPack.builder()
          .records(records)
          .logDirectory(logDir)
          .signer(signer)
          .asOf(LocalDate.now(ZoneOffset.UTC))
          .write(pack);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MonitoringEvent monitoring(
      Instant t,
      String metric,
      String value,
      String threshold,
      MonitoringKind kind,
      boolean breach) {
    return MonitoringEvent.builder()
        .system(SYSTEM)
        .occurredAt(t)
        .metric(metric)
        .value(value)
        .threshold(threshold)
        .kind(kind)
        .breach(breach)
        .build();
  }

  @Override
  public void close() throws IOException {
    StagedDirectory.deleteTree(dir);
  }

  /** Hands the shared pack, made on first use, to a parameter of type {@link SamplePack}. */
  static final class Resolver implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SamplePack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(SamplePack.class, k -> new SamplePack(), SamplePack.class);
    }
  }
}
