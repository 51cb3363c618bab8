package dev.aims.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.KeyFiles;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.RecordQuery;
import dev.aims.evidence.verify.LogVerifier;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AimsSpanExporterProviderTest {
  static final NoteSigner SIGNER = NoteSigner.generate("example.com/support-bot");

  @TempDir Path tmp;
  Path dir;
  Path skey;
  Path vkey;

  @BeforeEach
  void writeKeys() throws Exception {
    KeyFiles.Written keys = KeyFiles.write(tmp.resolve("keys"), SIGNER);
    skey = keys.signerKey();
    vkey = keys.verifierKey();
    dir = tmp.resolve("evidence");
  }

  Map<String, String> properties() {
    Map<String, String> p = new HashMap<>();
    p.put("otel.traces.exporter", "aims");
    p.put("otel.metrics.exporter", "none");
    p.put("otel.logs.exporter", "none");
    p.put("otel.service.name", "support-bot");
    p.put("otel.exporter.aims.directory", dir.toString());
    p.put("otel.exporter.aims.origin", "example.com/support-bot");
    p.put("otel.exporter.aims.signer.key", skey.toString());
    return p;
  }

  static OpenTelemetrySdk sdk(Map<String, String> properties) {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> properties)
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
  }

  static void chat(Tracer tracer, String model) {
    tracer
        .spanBuilder("chat " + model)
        .setAttribute("gen_ai.operation.name", "chat")
        .setAttribute("gen_ai.request.model", model)
        .startSpan()
        .end();
  }

  List<LoggedRecord> reopenAndRead() {
    // Opening the directory again proves the exporter's log released its lock.
    try (EvidenceLog again =
            EvidenceLog.builder()
                .directory(dir)
                .signer(SIGNER)
                .origin("example.com/support-bot")
                .build();
        Stream<LoggedRecord> s = again.records(RecordQuery.all())) {
      return s.toList();
    }
  }

  @Test
  void theServiceLoaderFindsTheProviderNamedAims() {
    List<String> names =
        ServiceLoader.load(ConfigurableSpanExporterProvider.class).stream()
            .map(p -> p.get().getName())
            .toList();
    assertThat(names).contains("aims");
  }

  @Test
  void otelTracesExporterAims_logsSpans_andClosingTheSdkClosesTheLog() {
    Map<String, String> p = properties();
    p.put("otel.exporter.aims.model.version", "2026.05");
    OpenTelemetrySdk sdk = sdk(p);
    Tracer tracer = sdk.getTracer("test");
    chat(tracer, "gpt-4o");
    tracer.spanBuilder("GET /health").startSpan().end();
    chat(tracer, "gpt-4o-mini");

    sdk.close();

    List<LoggedRecord> records = reopenAndRead();
    assertThat(records).hasSize(2);
    AiDecision d = (AiDecision) records.get(0).record();
    assertThat(d.system()).isEqualTo("support-bot");
    assertThat(d.model()).isEqualTo("gpt-4o");
    assertThat(d.modelVersion()).isEqualTo("2026.05");
    assertThat(LogVerifier.verify(dir, SIGNER.verifier()).ok()).isTrue();
  }

  @Test
  void theSystemProperty_winsOverTheServiceName() {
    Map<String, String> p = properties();
    p.put("otel.exporter.aims.system", "support-bot.eu");
    p.put("otel.service.name", "Support Bot");
    OpenTelemetrySdk sdk = sdk(p);
    chat(sdk.getTracer("test"), "gpt-4o");
    sdk.close();

    assertThat(reopenAndRead().get(0).system()).isEqualTo("support-bot.eu");
  }

  @Test
  void theServiceNameOfTheResourceAttributes_isTheDefaultSystem() {
    Map<String, String> p = properties();
    p.remove("otel.service.name");
    p.put("otel.resource.attributes", "service.name=claims-triage,deployment.environment=prod");
    OpenTelemetrySdk sdk = sdk(p);
    chat(sdk.getTracer("test"), "gpt-4o");
    sdk.close();

    assertThat(reopenAndRead().get(0).system()).isEqualTo("claims-triage");
  }

  @Test
  void plainText_isAllowedInTheLog() {
    Map<String, String> p = properties();
    p.put("otel.exporter.aims.content", "PLAIN_TEXT");
    OpenTelemetrySdk sdk = sdk(p);
    sdk.getTracer("test")
        .spanBuilder("chat")
        .setAttribute("gen_ai.operation.name", "chat")
        .setAttribute("gen_ai.input.messages", "[{\"role\":\"user\",\"content\":\"Hi\"}]")
        .startSpan()
        .end();
    sdk.close();

    assertThat(reopenAndRead().get(0).json()).contains("\"input\":{\"plain\":\"Hi\"}");
  }

  AimsSpanExporter exporter(Map<String, String> p) {
    SpanExporter e =
        new AimsSpanExporterProvider().createExporter(DefaultConfigProperties.createFromMap(p));
    assertThat(e).isInstanceOf(AimsSpanExporter.class);
    return (AimsSpanExporter) e;
  }

  static List<io.opentelemetry.sdk.trace.data.SpanData> oneChatSpan() {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    try (SdkTracerProvider p =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(memory)).build()) {
      chat(p.get("test"), "gpt-4o");
      // Taken before the provider closes: shutting the in-memory exporter down empties it.
      List<io.opentelemetry.sdk.trace.data.SpanData> spans = memory.getFinishedSpanItems();
      assertThat(spans).hasSize(1);
      return spans;
    }
  }

  @Test
  void failClosed_isTheDefault_andFailsTheExportWhenTheLogRefuses() {
    AimsSpanExporter exporter = exporter(properties());
    exporter.log().close();

    CompletableResultCode result = exporter.export(oneChatSpan());

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.getFailureThrowable()).hasMessageContaining("the evidence log is closed");
    assertThat(exporter.shutdown().isSuccess()).isTrue();
  }

  @Test
  void reportAndContinue_succeedsWhenTheLogRefuses() {
    Map<String, String> p = properties();
    p.put("otel.exporter.aims.failure.policy", "report-and-continue");
    p.put("otel.exporter.aims.durability", "durable");
    AimsSpanExporter exporter = exporter(p);
    exporter.log().close();

    assertThat(exporter.export(oneChatSpan()).isSuccess()).isTrue();
  }

  @Test
  void durable_storesEachRecordBeforeExportReturns() {
    Map<String, String> p = properties();
    p.put("otel.exporter.aims.durability", "DURABLE");
    AimsSpanExporter exporter = exporter(p);

    assertThat(exporter.export(oneChatSpan()).isSuccess()).isTrue();

    assertThat(exporter.log().size()).isEqualTo(1);
    assertThat(exporter.shutdown().isSuccess()).isTrue();
    assertThat(LogVerifier.verify(dir, SIGNER.verifier()).ok()).isTrue();
  }

  void assertRefused(Map<String, String> p, String... message) {
    assertThatThrownBy(() -> exporter(p))
        .isInstanceOf(ConfigurationException.class)
        .satisfies(
            e -> {
              for (String m : message) {
                assertThat(e.getMessage()).contains(m);
              }
              assertThat(e.getMessage()).doesNotContain(SIGNER.skey().substring(12));
            });
    assertThat(dir).doesNotExist();
  }

  @Test
  void missingSettings_areNamedWithTheirEnvironmentVariable() {
    for (String property :
        List.of(
            "otel.exporter.aims.directory",
            "otel.exporter.aims.origin",
            "otel.exporter.aims.signer.key")) {
      Map<String, String> p = properties();
      p.remove(property);
      assertRefused(
          p,
          property
              + " must be set (environment variable "
              + property.toUpperCase(java.util.Locale.ROOT).replace('.', '_')
              + ")");
    }
  }

  @Test
  void badChoices_nameThePropertyAndTheValue() {
    Map<String, String> p = properties();
    p.put("otel.exporter.aims.durability", "sometimes");
    assertRefused(p, "otel.exporter.aims.durability: 'sometimes' is not one of async, durable");
    p = properties();
    p.put("otel.exporter.aims.failure.policy", "ignore");
    assertRefused(
        p,
        "otel.exporter.aims.failure.policy: 'ignore' is not one of fail_closed,"
            + " report_and_continue");
    p = properties();
    p.put("otel.exporter.aims.content", "everything");
    assertRefused(
        p, "otel.exporter.aims.content: 'everything' is not one of commitment, plain_text");
    p = properties();
    p.put("otel.exporter.aims.model.version", " ");
    assertRefused(p, "otel.exporter.aims.model.version must not be blank");
  }

  @Test
  void redactedSummary_isRefused_withTheWayToGetIt() {
    Map<String, String> p = properties();
    p.put("otel.exporter.aims.content", "redacted_summary");
    assertRefused(
        p,
        "otel.exporter.aims.content: 'redacted_summary' needs a function that makes the summaries",
        "ContentPolicy.redacted(");
  }

  @Test
  void badSystemIds_areNamed() {
    Map<String, String> p = properties();
    p.put("otel.exporter.aims.system", "Support Bot");
    assertRefused(p, "otel.exporter.aims.system: 'Support Bot' is not an AI system id");
    p = properties();
    p.put("otel.service.name", "Support Bot");
    assertRefused(
        p,
        "otel.exporter.aims.system must be set",
        "service.name 'Support Bot' is not an AI system id");
    p = properties();
    p.remove("otel.service.name");
    assertRefused(p, "otel.exporter.aims.system must be set: the AI system id records carry");
  }

  @Test
  void badOrigin_isNamed() {
    Map<String, String> p = properties();
    p.put("otel.exporter.aims.origin", " padded ");
    assertRefused(p, "otel.exporter.aims.origin: origin ' padded ' must not start or end");
  }

  @Test
  void signerKeyProblems_nameTheFile_neverTheKey() throws IOException {
    Map<String, String> p = properties();
    p.put("otel.exporter.aims.signer.key", tmp.resolve("missing.skey").toString());
    assertRefused(
        p, "otel.exporter.aims.signer.key: no such key file: " + tmp.resolve("missing.skey"));

    p.put("otel.exporter.aims.signer.key", SIGNER.skey());
    assertRefused(
        p,
        "otel.exporter.aims.signer.key: no such key file (the value is not repeated: it may be key"
            + " material)");

    p.put("otel.exporter.aims.signer.key", vkey.toString());
    assertRefused(
        p,
        "otel.exporter.aims.signer.key: " + vkey + " is not a signer key: this is a verifier key");

    Path broken = tmp.resolve("broken.skey");
    Files.writeString(broken, SIGNER.skey().substring(0, SIGNER.skey().length() - 4) + "\n");
    assertRefused(
        p(p, broken), "otel.exporter.aims.signer.key: " + broken + " is not a signer key");
  }

  static Map<String, String> p(Map<String, String> p, Path key) {
    p.put("otel.exporter.aims.signer.key", key.toString());
    return p;
  }

  @Test
  void aLockedDirectory_isNamed() {
    try (EvidenceLog other =
        EvidenceLog.builder()
            .directory(dir)
            .signer(SIGNER)
            .origin("example.com/support-bot")
            .build()) {
      assertThatThrownBy(() -> exporter(properties()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(
              "otel.exporter.aims.directory: cannot open the evidence log at " + dir);
    }
  }

  @Test
  void theAutoconfiguredSdk_failsToStartWithTheMessage() {
    Map<String, String> p = properties();
    p.put("otel.exporter.aims.durability", "sometimes");
    assertThatThrownBy(() -> sdk(p))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("otel.exporter.aims.durability: 'sometimes'");
  }
}
