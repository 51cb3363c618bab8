package dev.aims.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.Aims;
import dev.aims.evidence.note.KeyFiles;
import dev.aims.evidence.note.NoteSigner;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OpenTelemetry-traced service, configured only by the SDK's properties, handles one request
 * that makes a chat call, runs a tool and makes a chat call that fails; the {@code aims} command
 * then verifies the log and lists what it holds.
 */
class TracedServiceCliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run aims(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Aims.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aTracedCall_landsInALogThatTheCliVerifies() throws Exception {
    NoteSigner signer = NoteSigner.generate("example.com/support-bot");
    KeyFiles.Written keys = KeyFiles.write(tmp.resolve("keys"), signer);
    Path dir = tmp.resolve("evidence");
    Map<String, String> env =
        Map.of(
            "otel.traces.exporter", "aims",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none",
            "otel.service.name", "support-bot",
            "otel.exporter.aims.directory", dir.toString(),
            "otel.exporter.aims.origin", "example.com/support-bot",
            "otel.exporter.aims.signer.key", keys.signerKey().toString());
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(() -> env)
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();

    Tracer tracer = sdk.getTracer("support-bot");
    Span request = tracer.spanBuilder("POST /ask").setSpanKind(SpanKind.SERVER).startSpan();
    String traceId = request.getSpanContext().getTraceId();
    try (Scope ignored = request.makeCurrent()) {
      tracer
          .spanBuilder("chat gpt-4o")
          .setSpanKind(SpanKind.CLIENT)
          .setAttribute("gen_ai.operation.name", "chat")
          .setAttribute("gen_ai.provider.name", "openai")
          .setAttribute("gen_ai.request.model", "gpt-4o")
          .setAttribute("gen_ai.response.model", "gpt-4o-2024-08-06")
          .setAttribute("gen_ai.usage.input_tokens", 20L)
          .setAttribute("gen_ai.usage.output_tokens", 5L)
          .setAttribute(
              "gen_ai.input.messages",
              "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in"
                  + " Oslo for Alice Example?\"}]}]")
          .startSpan()
          .end();
      tracer
          .spanBuilder("execute_tool get_weather")
          .setAttribute("gen_ai.operation.name", "execute_tool")
          .setAttribute("gen_ai.tool.name", "get_weather")
          .startSpan()
          .end();
      Span failed =
          tracer
              .spanBuilder("chat gpt-4o")
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute("gen_ai.operation.name", "chat")
              .setAttribute("gen_ai.request.model", "gpt-4o")
              .startSpan();
      failed.setStatus(StatusCode.ERROR);
      failed.setAttribute("error.type", "503");
      failed.end();
    } finally {
      request.end();
    }
    sdk.close();

    Run verify = aims("verify", dir.toString(), "--key", keys.verifierKey().toString());
    assertThat(verify.err()).isEmpty();
    assertThat(verify.code()).isZero();
    assertThat(verify.out()).startsWith("OK: evidence log ").contains(": 3 entries, ");

    Run show = aims("log", "show", dir.toString(), "--system", "support-bot");
    assertThat(show.code()).isZero();
    assertThat(show.out())
        .contains("ai-decision")
        .contains("monitoring-event")
        .endsWith("3 records\n");

    Run json = aims("log", "show", dir.toString(), "--type", "ai-decision", "--json");
    assertThat(json.code()).isZero();
    assertThat(json.out().lines())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("\"traceId\":\"" + traceId + "\""));
    assertThat(json.out())
        .contains("\"model\":\"gpt-4o-2024-08-06\"")
        .contains("\"model\":\"tool:get_weather\"")
        .doesNotContain("Alice");
  }
}
