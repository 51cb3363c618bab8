package dev.aims.spring.ai;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.EvidenceRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.springframework.ai.chat.client.ChatClient;

/**
 * One call and one stream through an advisor with the default trace source, run by {@link
 * EvidenceAdvisorWithoutOpenTelemetryTest} in a class loader that hides OpenTelemetry. Returns what
 * it saw, as text, since the test's own classes are not this loader's.
 */
public final class WithoutOpenTelemetryScenario implements Function<Path, String> {
  @Override
  public String apply(Path dir) {
    boolean apiVisible;
    try {
      Class.forName("io.opentelemetry.api.trace.Span");
      apiVisible = true;
    } catch (ClassNotFoundException e) {
      apiVisible = false;
    }
    try (EvidenceLog log = TestLogs.builder(dir).build()) {
      ChatClient chat =
          ChatClient.builder(new StandInChatModel())
              .defaultAdvisors(EvidenceAdvisor.builder(log).system("support-bot").build())
              .build();
      String called = chat.prompt().user("Hello").call().content();
      String streamed =
          String.join("", chat.prompt().user("Hello").stream().content().toIterable());
      List<EvidenceRecord> records = TestLogs.records(log);
      long traced = records.stream().filter(r -> ((AiDecision) r).traceId().isPresent()).count();
      return "api visible="
          + apiVisible
          + ", call="
          + called
          + ", stream="
          + streamed
          + ", records="
          + records.size()
          + ", traced="
          + traced;
    }
  }
}
