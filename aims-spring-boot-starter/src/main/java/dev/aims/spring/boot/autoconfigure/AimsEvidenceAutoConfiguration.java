package dev.aims.spring.boot.autoconfigure;

import dev.aims.evidence.EvidenceListener;
import dev.aims.evidence.EvidenceLog;
import dev.aims.spring.boot.EvidenceConfigurationException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration of the application's {@link EvidenceLog} from the {@code aims.evidence.*}
 * properties ({@link AimsEvidenceProperties}): on a directory ({@code store=file}) or on the
 * application's DataSource ({@code store=postgres}). An {@link EvidenceListener} bean of the
 * application hears of its checkpoints and failures (to export checkpoints, or keep the records
 * that could not be stored).
 *
 * <p>The log is opened at start-up, so that a property that cannot work fails start-up with an
 * {@link EvidenceConfigurationException} naming it, and closed (a final checkpoint) when the
 * application context closes, before the DataSource it writes to. An application's own {@code
 * EvidenceLog} bean replaces it; {@code aims.evidence.enabled=false} turns it off.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty(name = "aims.evidence.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AimsEvidenceProperties.class)
public class AimsEvidenceAutoConfiguration {
  /** The name of the evidence log bean. */
  public static final String BEAN_NAME = "aimsEvidenceLog";

  /** Creates the auto-configuration; Spring Boot does so. */
  public AimsEvidenceAutoConfiguration() {}

  /**
   * Opens the evidence log that the properties describe.
   *
   * @throws EvidenceConfigurationException naming the property and its value when it cannot work
   */
  @Bean(name = BEAN_NAME, destroyMethod = "close")
  @ConditionalOnMissingBean(EvidenceLog.class)
  public EvidenceLog aimsEvidenceLog(
      AimsEvidenceProperties properties,
      ResourceLoader resourceLoader,
      ObjectProvider<DataSource> dataSources,
      ObjectProvider<EvidenceListener> listener,
      ConfigurableListableBeanFactory beanFactory) {
    return new EvidenceLogFactory(
            properties,
            resourceLoader,
            () -> {
              DataSource ds = dataSources.getIfUnique();
              if (ds != null) {
                closeBefore(ds, beanFactory);
              }
              return ds;
            },
            listener.getIfUnique())
        .open();
  }

  /**
   * Makes the context close the log before the DataSource: the log's final checkpoint is written to
   * it. An ObjectProvider lookup, unlike a parameter, records no such dependency.
   */
  private static void closeBefore(DataSource ds, ConfigurableListableBeanFactory beanFactory) {
    for (String name : beanFactory.getBeanNamesForType(DataSource.class, false, false)) {
      if (beanFactory.getBean(name) == ds) {
        beanFactory.registerDependentBean(name, BEAN_NAME);
      }
    }
  }
}
