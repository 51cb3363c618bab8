package dev.aims.examples.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One in-process run of {@code ./aims demo} (its main's {@link DemoCommand#run}) with {@value
 * #DECISIONS} decisions, shared by the test classes that read its output and its audit pack, so
 * that the scenario runs once per test JVM rather than once per class. A test that changes a file
 * of the pack puts it back before it ends.
 *
 * <p>Test classes take it as a parameter of their {@code @BeforeAll} method, with
 * {@code @ExtendWith(DemoRun.Resolver.class)}; its directory is deleted when the test run ends.
 */
final class DemoRun implements ExtensionContext.Store.CloseableResource {
  /** Decisions the shared run logs. */
  static final int DECISIONS = 300;

  /** The demo's {@code --out} directory. */
  final Path dir;

  /** The audit pack the demo wrote. */
  final Path pack;

  /** What the demo printed to standard output. */
  final String out;

  /** What the demo printed to standard error. */
  final String err;

  /** The demo's exit code. */
  final int code;

  private DemoRun() {
    try {
      dir = Files.createTempDirectory("aims-demo-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    code =
        DemoCommand.run(
            new PrintWriter(o),
            new PrintWriter(e),
            "--out",
            dir.toString(),
            "--decisions",
            Integer.toString(DECISIONS));
    out = o.toString();
    err = e.toString();
    pack = dir.resolve("audit-pack");
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Hands the shared run, made on first use, to a parameter of type {@link DemoRun}. */
  static final class Resolver implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == DemoRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(DemoRun.class, k -> new DemoRun(), DemoRun.class);
    }
  }
}
