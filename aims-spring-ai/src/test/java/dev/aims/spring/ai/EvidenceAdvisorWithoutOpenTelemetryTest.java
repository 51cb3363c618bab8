package dev.aims.spring.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * opentelemetry-api is an optional dependency: the advisor must work where it is absent. This test
 * loads the module's classes anew in a class loader that cannot see OpenTelemetry, and runs a call
 * and a stream there inside a span that only the outer world can see.
 */
class EvidenceAdvisorWithoutOpenTelemetryTest {
  @TempDir Path dir;

  @Test
  void withoutTheOpenTelemetryApi_callsAndStreamsAreLoggedUntraced() throws Exception {
    ClassLoader hiding = new HidingClassLoader(getClass().getClassLoader());
    @SuppressWarnings("unchecked")
    Function<Path, String> scenario =
        (Function<Path, String>)
            hiding
                .loadClass(WithoutOpenTelemetryScenario.class.getName())
                .getDeclaredConstructor()
                .newInstance();
    assertThat(scenario.getClass().getClassLoader()).isSameAs(hiding);

    String seen;
    try (SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create()))
            .build()) {
      Span span = tracing.get("test").spanBuilder("outer").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        seen = scenario.apply(dir);
      } finally {
        span.end();
      }
    }
    String answer = StandInChatModel.ANSWER;
    assertThat(seen)
        .isEqualTo(
            "api visible=false, call=" + answer + ", stream=" + answer + ", records=2, traced=0");
  }

  /**
   * Loads this module's classes itself, refuses OpenTelemetry's, and leaves every other class to
   * its parent.
   */
  static final class HidingClassLoader extends ClassLoader {
    HidingClassLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("io.opentelemetry.")) {
        throw new ClassNotFoundException(name + " is hidden by this test");
      }
      if (!name.startsWith("dev.aims.spring.ai.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = defineOwn(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }

    private Class<?> defineOwn(String name) throws ClassNotFoundException {
      try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
