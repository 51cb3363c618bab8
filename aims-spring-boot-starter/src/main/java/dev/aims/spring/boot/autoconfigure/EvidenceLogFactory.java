package dev.aims.spring.boot.autoconfigure;

import dev.aims.evidence.EvidenceListener;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogBuilder;
import dev.aims.evidence.EvidenceLogException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.spring.boot.EvidenceConfigurationException;
import dev.aims.spring.boot.autoconfigure.AimsEvidenceProperties.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Opens the evidence log that {@link AimsEvidenceProperties} describe, turning every refusal of the
 * builder into an {@link EvidenceConfigurationException} that names the property and its value.
 */
final class EvidenceLogFactory {
  private final AimsEvidenceProperties properties;
  private final ResourceLoader resources;
  private final Supplier<DataSource> dataSource;
  private final EvidenceListener listener;

  /**
   * @param dataSource the application's one DataSource, or null when it has none (or several and
   *     none primary); asked for only when store=postgres
   * @param listener the application's listener of checkpoints and failures, or null for none
   */
  EvidenceLogFactory(
      AimsEvidenceProperties properties,
      ResourceLoader resources,
      Supplier<DataSource> dataSource,
      EvidenceListener listener) {
    this.properties = properties;
    this.resources = resources;
    this.dataSource = dataSource;
    this.listener = listener;
  }

  EvidenceLog open() {
    AimsEvidenceProperties p = properties;
    NoteSigner signer = SignerKeys.read(p.signerKey(), resources);
    String origin = origin(signer);
    EvidenceLogBuilder builder =
        EvidenceLog.builder()
            .signer(signer)
            .origin(origin)
            .durability(p.durability())
            .failurePolicy(p.failurePolicy())
            .allowPlainValues(p.allowPlainValues());
    if (listener != null) {
      builder.listener(listener);
    }
    if (p.previousSignerKey() != null && !p.previousSignerKey().isBlank()) {
      previousSigner(builder, signer);
    }
    try {
      builder.queueCapacity(p.queueCapacity());
    } catch (IllegalArgumentException e) {
      throw invalid("aims.evidence.queue-capacity", p.queueCapacity(), "between 1 and 16777216", e);
    }
    if (p.checkpoint().records() < 1) {
      throw invalid("aims.evidence.checkpoint.records", p.checkpoint().records(), "positive", null);
    }
    try {
      builder.checkpointEvery(p.checkpoint().records(), p.checkpoint().interval());
    } catch (IllegalArgumentException e) {
      throw invalid(
          "aims.evidence.checkpoint.interval", p.checkpoint().interval(), "between 1ms and 1d", e);
    }
    if (p.store() == Store.FILE) {
      return openDirectory(builder, origin);
    }
    return openPostgres(builder, origin);
  }

  /** Sets the key that signed the log until now, which must be another key of the same name. */
  private void previousSigner(EvidenceLogBuilder builder, NoteSigner signer) {
    String value = properties.previousSignerKey();
    NoteSigner previous = SignerKeys.read(SignerKeys.PREVIOUS, value, resources);
    String problem = null;
    if (previous.verifier().equals(signer.verifier())) {
      problem = "is the same key as aims.evidence.signer-key";
    } else if (!previous.name().equals(signer.name())) {
      problem =
          "is named '"
              + previous.name()
              + "', but the key in aims.evidence.signer-key '"
              + signer.name()
              + "': both keys of a rotation carry the log's origin";
    }
    if (problem != null) {
      throw new EvidenceConfigurationException(
          SignerKeys.PREVIOUS,
          value,
          SignerKeys.shown(value),
          problem,
          "Set aims.evidence.previous-signer-key to the key that signed the log until now, or"
              + " remove it once the log has recorded the rotation.",
          null);
    }
    builder.previousSigner(previous);
  }

  /** Returns the origin: the property when set (it must be the key's name), else the key's name. */
  private String origin(NoteSigner signer) {
    String origin = properties.origin();
    String keyName = signer.name();
    if (origin == null || origin.isEmpty()) {
      origin = keyName;
    } else if (!origin.equals(keyName)) {
      throw new EvidenceConfigurationException(
          "aims.evidence.origin",
          origin,
          true,
          "differs from the name '"
              + keyName
              + "' of the signer key in aims.evidence.signer-key; the key's name is the log's"
              + " origin (verifiers and witnesses check one against the other)",
          "Set aims.evidence.origin to '"
              + keyName
              + "' (or leave it unset), or use the log's own key: 'aims keygen --name "
              + origin
              + " --out DIR'.",
          null);
    }
    try {
      EvidenceLog.builder().origin(origin);
    } catch (IllegalArgumentException e) {
      throw new EvidenceConfigurationException(
          "aims.evidence.origin",
          origin,
          true,
          e.getMessage(),
          "Use a unique name such as example.com/credit-scoring: no control characters, no"
              + " surrounding spaces, at most 256 chars.",
          e);
    }
    return origin;
  }

  private EvidenceLog openDirectory(EvidenceLogBuilder builder, String origin) {
    if (properties.directory() == null) {
      throw new EvidenceConfigurationException(
          "aims.evidence.directory",
          null,
          true,
          "aims.evidence.store=file keeps the log in a directory",
          "Set aims.evidence.directory to the log's directory (created when absent), or set"
              + " aims.evidence.store=postgres to keep the log in the application's database.",
          null);
    }
    String dir = properties.directory().toString();
    if (Files.exists(properties.directory()) && !Files.isDirectory(properties.directory())) {
      throw new EvidenceConfigurationException(
          "aims.evidence.directory",
          dir,
          true,
          "is a file, not a directory",
          "Set aims.evidence.directory to a directory of the log's own (created when absent).",
          null);
    }
    builder.directory(properties.directory());
    try {
      return builder.build();
    } catch (EvidenceLogException e) {
      throw new EvidenceConfigurationException(
          "aims.evidence.directory",
          dir,
          true,
          withoutPrefix(e.getMessage(), "directory: "),
          "Give the application a directory of its own that it can write, used by no other"
              + " running log.",
          e);
    } catch (IllegalArgumentException e) {
      throw existingLogRefused(e, origin);
    }
  }

  private EvidenceLog openPostgres(EvidenceLogBuilder builder, String origin) {
    if (!ClassUtils.isPresent(PostgresStorage.STORE_CLASS, getClass().getClassLoader())) {
      throw new EvidenceConfigurationException(
          "aims.evidence.store",
          "postgres",
          true,
          "the PostgreSQL store is not on the class path",
          "Add the dependency dev.aims:aims-evidence-postgres, or set aims.evidence.store=file.",
          null);
    }
    DataSource ds = dataSource.get();
    if (ds == null) {
      throw new EvidenceConfigurationException(
          "aims.evidence.store",
          "postgres",
          true,
          "the log needs the application's DataSource bean, and there is none (or several, none"
              + " of them @Primary)",
          "Define one DataSource bean (spring.datasource.url with spring-boot-starter-jdbc), or"
              + " mark the one for the evidence log @Primary, or set aims.evidence.store=file.",
          null);
    }
    try {
      PostgresStorage.configure(builder, ds, origin, properties.postgres().migrate());
    } catch (IOException | RuntimeException e) {
      throw new EvidenceConfigurationException(
          "aims.evidence.store",
          "postgres",
          true,
          "cannot open the log '" + origin + "' in the DataSource's database: " + e.getMessage(),
          properties.postgres().migrate()
              ? "Check the DataSource's URL and that its role may create the tables, or migrate"
                  + " as the schema's owner and set aims.evidence.postgres.migrate=false."
              : "Check the DataSource's URL, and that the schema's owner migrated the tables"
                  + " (PostgresSchema.migrate) and granted the role its privileges.",
          e);
    }
    try {
      return builder.build();
    } catch (EvidenceLogException e) {
      throw new EvidenceConfigurationException(
          "aims.evidence.store",
          "postgres",
          true,
          e.getMessage(),
          "Check the database and the role's privileges.",
          e);
    } catch (IllegalArgumentException e) {
      throw existingLogRefused(e, origin);
    }
  }

  /** The store holds a log of another origin, or one whose latest checkpoint another key signed. */
  private EvidenceConfigurationException existingLogRefused(
      IllegalArgumentException e, String origin) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith("origin")) {
      return new EvidenceConfigurationException(
          "aims.evidence.origin",
          origin,
          true,
          message,
          "Open the log with its own origin and key, or give this origin a directory or database"
              + " of its own.",
          e);
    }
    return new EvidenceConfigurationException(
        SignerKeys.PROPERTY,
        properties.signerKey(),
        SignerKeys.shown(properties.signerKey()),
        message,
        "Use the key that signed the log; to change keys, set aims.evidence.previous-signer-key"
            + " to it and aims.evidence.signer-key to the new one: the log records the rotation"
            + " when it opens.",
        e);
  }

  private static String withoutPrefix(String message, String prefix) {
    return message != null && message.startsWith(prefix)
        ? message.substring(prefix.length())
        : message;
  }

  private static EvidenceConfigurationException invalid(
      String property, Object value, String expected, Exception cause) {
    return new EvidenceConfigurationException(
        property,
        String.valueOf(value),
        true,
        "must be " + expected,
        "Set " + property + " to a value " + expected + ", or leave it unset for the default.",
        cause);
  }
}
