package dev.aims.benchmarks.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.benchmarks.sample.DecisionEvent;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.logging.log4j.message.AsynchronouslyFormattable;
import org.apache.logging.log4j.message.MultiformatMessage;

/**
 * Plain logging, no integrity: Log4j2's asynchronous logger (LMAX disruptor ring buffer, one
 * background thread) writing each decision with the JSON template layout to a file.
 *
 * <p>Runs in its own {@link AsyncLoggerContext}, so every logger of it is asynchronous without the
 * global {@code log4j2.contextSelector} property. The file appender follows Log4j2's advice for
 * asynchronous loggers: buffered, flushed at the end of each batch the background thread drains.
 * The decision is a message that Log4j2 may format on the background thread; it renders as a JSON
 * object (serialised by Jackson, like every other baseline) in the {@code record} field.
 */
public final class Log4j2AsyncJsonLog implements RecordSink {
  private static final String EVENT_TEMPLATE =
      "{\"@timestamp\":{\"$resolver\":\"timestamp\"},"
          + "\"level\":{\"$resolver\":\"level\",\"field\":\"name\"},"
          + "\"logger\":{\"$resolver\":\"logger\",\"field\":\"name\"},"
          + "\"thread\":{\"$resolver\":\"thread\",\"field\":\"name\"},"
          + "\"record\":{\"$resolver\":\"message\",\"stringified\":false}}";

  private final AsyncLoggerContext context;
  private final Logger logger;

  /** Creates (or truncates) the log file and starts the background thread. */
  public Log4j2AsyncJsonLog(Path file) {
    ConfigurationBuilder<BuiltConfiguration> config =
        ConfigurationBuilderFactory.newConfigurationBuilder();
    config.setConfigurationName("aims-bench-log4j2");
    config.setStatusLevel(Level.WARN);
    AppenderComponentBuilder appender =
        config
            .newAppender("json-file", "File")
            .addAttribute("fileName", file.toString())
            .addAttribute("append", false)
            .addAttribute("immediateFlush", false)
            .addAttribute("bufferedIo", true);
    appender.add(
        config.newLayout("JsonTemplateLayout").addAttribute("eventTemplate", EVENT_TEMPLATE));
    config.add(appender);
    config.add(
        config
            .newLogger("ai.decision", Level.INFO)
            .add(config.newAppenderRef("json-file"))
            .addAttribute("additivity", false));
    config.add(config.newRootLogger(Level.WARN));
    context = new AsyncLoggerContext("aims-bench-log4j2");
    context.start(config.build());
    logger = context.getLogger("ai.decision");
  }

  @Override
  public void append(DecisionEvent event) {
    logger.info(new JsonMessage(event));
  }

  /** Whether the logger really is Log4j2's asynchronous (ring buffer) logger. */
  public boolean isAsynchronous() {
    return logger instanceof AsyncLogger;
  }

  @Override
  public void close() {
    // Waits for the ring buffer to drain, then closes the appender.
    context.stop(30, TimeUnit.SECONDS);
  }

  /**
   * A decision as a Log4j2 message whose JSON form is the decision serialised by Jackson. The
   * decision is immutable, so Log4j2 may format it on its background thread.
   */
  @AsynchronouslyFormattable
  static final class JsonMessage implements MultiformatMessage {
    private static final long serialVersionUID = 1L;
    private static final String[] FORMATS = {"JSON"};

    private final transient DecisionEvent event;
    private transient String json;

    JsonMessage(DecisionEvent event) {
      this.event = event;
    }

    @Override
    public String getFormattedMessage() {
      String text = json;
      if (text == null) {
        try {
          text = BaselineJson.writer().writeValueAsString(event);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("cannot serialise decision " + event, e);
        }
        json = text;
      }
      return text;
    }

    @Override
    public String getFormattedMessage(String[] formats) {
      return getFormattedMessage();
    }

    @Override
    public String[] getFormats() {
      return FORMATS.clone();
    }

    @Override
    @Deprecated
    public String getFormat() {
      return FORMATS[0];
    }

    @Override
    public Object[] getParameters() {
      return new Object[] {event};
    }

    @Override
    public Throwable getThrowable() {
      return null;
    }
  }
}
