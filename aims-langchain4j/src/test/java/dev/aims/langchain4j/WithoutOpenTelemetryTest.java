package dev.aims.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.record.AiDecision;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module on a class path without {@code opentelemetry-api} (an optional dependency): this
 * module's classes are loaded afresh by a class loader that cannot see OpenTelemetry.
 */
class WithoutOpenTelemetryTest {
  @TempDir Path dir;

  /** Loads this module's main classes itself, and refuses every OpenTelemetry class. */
  static final class NoOpenTelemetry extends URLClassLoader {
    NoOpenTelemetry() {
      super(
          new URL[] {TraceIds.class.getProtectionDomain().getCodeSource().getLocation()},
          WithoutOpenTelemetryTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("io.opentelemetry.")) {
        throw new ClassNotFoundException(name);
      }
      if (name.startsWith("dev.aims.langchain4j.")) {
        synchronized (getClassLoadingLock(name)) {
          Class<?> c = findLoadedClass(name);
          return c != null ? c : findClass(name);
        }
      }
      return super.loadClass(name, resolve);
    }
  }

  @Test
  void defaultTraceIds_findNoTrace_andTheListenerRecordsWithoutOne() throws Exception {
    try (NoOpenTelemetry loader = new NoOpenTelemetry();
        TestLog t = new TestLog(dir)) {
      Class<?> traceIds = loader.loadClass(TraceIds.class.getName());
      assertThat(traceIds).isNotSameAs(TraceIds.class);

      Supplier<?> fromOpenTelemetry =
          (Supplier<?>) traceIds.getMethod("fromOpenTelemetry").invoke(null);
      assertThat(fromOpenTelemetry.get()).isEqualTo(Optional.empty());

      Class<?> listenerClass = loader.loadClass(EvidenceChatModelListener.class.getName());
      Object builder = listenerClass.getMethod("builder", EvidenceLog.class).invoke(null, t.log);
      builder.getClass().getMethod("system", String.class).invoke(builder, "support-bot");
      ChatModelListener listener =
          (ChatModelListener) builder.getClass().getMethod("build").invoke(builder);

      assertThat(new StandInChatModel(listener).chat("Hello?")).isEqualTo("Answer to: Hello?");
      AiDecision d = (AiDecision) t.records().get(0);
      assertThat(d.traceId()).isEmpty();
      assertThat(d.attributes()).containsEntry("gen_ai.response.id", "stand-in-1");
    }
  }
}
