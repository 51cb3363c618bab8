package dev.aims.benchmarks.baseline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.core.JsonFactory;
import dev.aims.benchmarks.sample.DecisionEvent;
import java.nio.file.Path;
import net.logstash.logback.decorate.JsonFactoryDecorator;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.marker.Markers;

/**
 * Plain logging, no integrity: Logback's file appender with the Logstash JSON encoder, the decision
 * attached as a structured argument that the encoder serialises with Jackson into a {@code record}
 * field of each JSON line.
 *
 * <p>Runs in its own {@link LoggerContext}, apart from the SLF4J default context, so that its
 * configuration is exactly the one described here: one synchronous {@link FileAppender}, appending
 * to nothing else. {@code immediateFlush} is Logback's default {@code true} (each event is flushed
 * to the operating system) unless the caller chooses the buffered variant.
 */
public final class LogbackJsonLog implements RecordSink {
  private final LoggerContext context = new LoggerContext();
  private final Logger logger;

  /**
   * Creates (or truncates) the log file.
   *
   * @param file the JSON lines file
   * @param immediateFlush Logback's {@code immediateFlush}: {@code true} (the default) flushes each
   *     event; {@code false} lets the appender's 8 KiB buffer fill first
   */
  public LogbackJsonLog(Path file, boolean immediateFlush) {
    context.setName("aims-bench-logback");
    // A context made by hand has no MDC adapter until given one; the encoder reads the MDC.
    context.setMDCAdapter(new LogbackMDCAdapter());
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    // Serialise the decision with the same Jackson settings as every other baseline.
    encoder.setJsonFactoryDecorator(
        new JsonFactoryDecorator() {
          @Override
          public JsonFactory decorate(JsonFactory factory) {
            return factory.setCodec(BaselineJson.mapper());
          }
        });
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("json-file");
    appender.setFile(file.toString());
    appender.setAppend(false);
    appender.setImmediateFlush(immediateFlush);
    appender.setEncoder(encoder);
    appender.start();
    if (!appender.isStarted()) {
      throw new IllegalStateException("Logback could not open " + file);
    }
    logger = context.getLogger("ai.decision");
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
    logger.addAppender(appender);
    context.start();
  }

  @Override
  public void append(DecisionEvent event) {
    logger.info(Markers.append("record", event), "ai decision");
  }

  /**
   * Stops the context, which flushes and closes the file.
   *
   * @throws IllegalStateException when Logback reported an error while appending: Logback does not
   *     throw to the caller, so without this check a failing appender would look fast
   */
  @Override
  public void close() {
    context.stop();
    for (Status status : context.getStatusManager().getCopyOfStatusList()) {
      if (status.getLevel() == Status.ERROR) {
        throw new IllegalStateException(
            "Logback reported an error: " + status.getMessage(), status.getThrowable());
      }
    }
  }
}
