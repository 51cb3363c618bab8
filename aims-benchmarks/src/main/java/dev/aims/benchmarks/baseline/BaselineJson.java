package dev.aims.benchmarks.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aims.benchmarks.sample.DecisionEvent;

/**
 * The Jackson settings every baseline serialises a decision with: ISO-8601 instants, absent
 * optionals left out, compact output. Shared so that all baselines do the same serialisation work.
 */
public final class BaselineJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .serializationInclusion(JsonInclude.Include.NON_ABSENT)
          .build();
  private static final ObjectWriter WRITER = MAPPER.writerFor(DecisionEvent.class);

  private BaselineJson() {}

  /** The mapper (thread-safe; never reconfigure it). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A writer bound to {@link DecisionEvent} (thread-safe). */
  public static ObjectWriter writer() {
    return WRITER;
  }
}
