package dev.aims.opentelemetry;

import dev.aims.core.system.AiSystem;
import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogBuilder;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.genai.ContentPolicy;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SDK autoconfiguration's exporter named {@code aims}: with {@code OTEL_TRACES_EXPORTER=aims}
 * (or {@code otel.traces.exporter=aims}) the SDK opens an evidence log and exports spans to an
 * {@link AimsSpanExporter} that owns it, and closes the log when the SDK shuts down.
 *
 * <p>Properties (environment variables {@code OTEL_EXPORTER_AIMS_DIRECTORY} and so on):
 *
 * <ul>
 *   <li>{@code otel.exporter.aims.directory} (required): the log's directory
 *   <li>{@code otel.exporter.aims.origin} (required): the log's origin, e.g. {@code
 *       example.com/support-bot}
 *   <li>{@code otel.exporter.aims.signer.key} (required): the signer key file ({@code .skey}, as
 *       {@code aims keygen} writes it)
 *   <li>{@code otel.exporter.aims.system}: the AI system id; default {@code otel.service.name} (or
 *       {@code service.name} of {@code otel.resource.attributes}) if that is an AI system id
 *   <li>{@code otel.exporter.aims.model.version}: the deployment's model version; default the model
 *       a span names
 *   <li>{@code otel.exporter.aims.content}: {@code commitment} (default) or {@code plain_text};
 *       {@code redacted_summary} needs a summarizer and so is only available in code
 *   <li>{@code otel.exporter.aims.durability}: {@code async} (default) or {@code durable}
 *   <li>{@code otel.exporter.aims.failure.policy}: {@code fail_closed} (default) or {@code
 *       report_and_continue}
 * </ul>
 *
 * <p>A missing or bad value fails the SDK's start with a {@link ConfigurationException} naming the
 * property and the value; no message ever contains key material.
 */
public final class AimsSpanExporterProvider implements ConfigurableSpanExporterProvider {
  static final String PREFIX = "otel.exporter.aims.";
  static final String DIRECTORY = PREFIX + "directory";
  static final String ORIGIN = PREFIX + "origin";
  static final String SIGNER_KEY = PREFIX + "signer.key";
  static final String SYSTEM = PREFIX + "system";
  static final String MODEL_VERSION = PREFIX + "model.version";
  static final String CONTENT = PREFIX + "content";
  static final String DURABILITY = PREFIX + "durability";
  static final String FAILURE_POLICY = PREFIX + "failure.policy";

  /** Base64 of 32 bytes or more, or a key text: a value of this shape may be key material. */
  private static final Pattern KEY_MATERIAL = Pattern.compile("[A-Za-z0-9+/=_-]{43,}|.*\\+.*\\+.*");

  private static final Pattern SYSTEM_ID = Pattern.compile(AiSystem.ID_PATTERN);

  /** Creates the provider; the SDK finds it through {@link java.util.ServiceLoader}. */
  public AimsSpanExporterProvider() {}

  /** Returns {@code aims}, the value of {@code otel.traces.exporter} that selects this exporter. */
  @Override
  public String getName() {
    return "aims";
  }

  /**
   * Opens the evidence log that {@code config} describes and returns an exporter that owns it.
   *
   * @throws ConfigurationException naming the property and the value if a setting is missing or
   *     bad, or if the log cannot be opened
   */
  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    Path directory = path(config, DIRECTORY);
    String origin = required(config, ORIGIN);
    NoteSigner signer = signer(config);
    String system = system(config);
    String modelVersion = config.getString(MODEL_VERSION);
    if (modelVersion != null && modelVersion.isBlank()) {
      throw new ConfigurationException(MODEL_VERSION + " must not be blank when it is set");
    }
    String content = choice(config, CONTENT, "commitment", "commitment", "plain_text");
    Durability durability =
        Durability.valueOf(
            choice(config, DURABILITY, "async", "async", "durable").toUpperCase(Locale.ROOT));
    FailurePolicy policy =
        FailurePolicy.valueOf(
            choice(config, FAILURE_POLICY, "fail_closed", "fail_closed", "report_and_continue")
                .toUpperCase(Locale.ROOT));
    boolean plain = content.equals("plain_text");

    EvidenceLogBuilder logBuilder = EvidenceLog.builder();
    try {
      logBuilder.origin(origin);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(ORIGIN + ": " + e.getMessage(), e);
    }
    EvidenceLog log;
    try {
      log =
          logBuilder
              .directory(directory)
              .signer(signer)
              .durability(durability)
              .failurePolicy(policy)
              .allowPlainValues(plain)
              .build();
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          DIRECTORY
              + ": cannot open the evidence log at "
              + directory
              + " (origin "
              + origin
              + "): "
              + e.getMessage(),
          e);
    }
    return AimsSpanExporter.builder()
        .ownedLog(log)
        .system(system)
        .modelVersion(modelVersion)
        .content(plain ? ContentPolicy.plainText() : ContentPolicy.commitments())
        .build();
  }

  private static String required(ConfigProperties config, String property) {
    String value = config.getString(property);
    if (value == null || value.isBlank()) {
      throw new ConfigurationException(
          property
              + " must be set (environment variable "
              + property.toUpperCase(Locale.ROOT).replace('.', '_')
              + ")");
    }
    return value;
  }

  private static Path path(ConfigProperties config, String property) {
    String value = required(config, property);
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new ConfigurationException(
          property + ": '" + value + "' is not a path: " + e.getReason(), e);
    }
  }

  /** Reads the signer key file; messages name the property and the file, never the key. */
  private static NoteSigner signer(ConfigProperties config) {
    String value = required(config, SIGNER_KEY);
    Path file;
    try {
      file = Path.of(value);
    } catch (InvalidPathException e) {
      throw new ConfigurationException(
          SIGNER_KEY + ": not a key file path" + shown(value) + " (" + e.getReason() + ")");
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException(
          SIGNER_KEY
              + ": no such key file"
              + shown(value)
              + " (a .skey file as aims keygen writes)");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(
          SIGNER_KEY + ": cannot read " + file + ": " + e.getClass().getSimpleName(), e);
    }
    try {
      return NoteSigner.parse(text);
    } catch (NoteException | IllegalArgumentException e) {
      // NoteSigner's messages never repeat the key, and neither does this one.
      throw new ConfigurationException(
          SIGNER_KEY + ": " + file + " is not a signer key: " + e.getMessage());
    }
  }

  /** Returns ": VALUE" for a value that cannot be key material, else a note that it is withheld. */
  private static String shown(String value) {
    return KEY_MATERIAL.matcher(value.strip()).matches()
        ? " (the value is not repeated: it may be key material)"
        : ": " + value;
  }

  private static String system(ConfigProperties config) {
    String system = config.getString(SYSTEM);
    if (system != null) {
      if (!SYSTEM_ID.matcher(system).matches()) {
        throw new ConfigurationException(
            SYSTEM + ": '" + system + "' is not an AI system id (" + AiSystem.ID_PATTERN + ")");
      }
      return system;
    }
    String service = config.getString("otel.service.name");
    if (service == null) {
      Map<String, String> resource = config.getMap("otel.resource.attributes");
      service = resource.get("service.name");
    }
    if (service != null && SYSTEM_ID.matcher(service).matches()) {
      return service;
    }
    throw new ConfigurationException(
        SYSTEM
            + " must be set: the AI system id records carry"
            + (service == null
                ? ""
                : " (service.name '"
                    + service
                    + "' is not an AI system id: "
                    + AiSystem.ID_PATTERN
                    + ")"));
  }

  /** Returns the value of a closed choice, lower-case, '-' read as '_'; refuses other values. */
  private static String choice(
      ConfigProperties config, String property, String defaultValue, String... allowed) {
    String value = config.getString(property);
    if (value == null) {
      return defaultValue;
    }
    String v = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    if (property.equals(CONTENT) && v.equals("redacted_summary")) {
      throw new ConfigurationException(
          CONTENT
              + ": 'redacted_summary' needs a function that makes the summaries, which a property"
              + " cannot give: build AimsSpanExporter in code with ContentPolicy.redacted(...), or"
              + " use commitment or plain_text");
    }
    throw new ConfigurationException(
        property + ": '" + value + "' is not one of " + String.join(", ", allowed));
  }
}
