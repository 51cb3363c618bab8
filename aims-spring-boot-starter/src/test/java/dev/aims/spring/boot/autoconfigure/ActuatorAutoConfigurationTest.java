package dev.aims.spring.boot.autoconfigure;

import static dev.aims.spring.boot.autoconfigure.TestKeys.ORIGIN;
import static dev.aims.spring.boot.autoconfigure.TestKeys.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.ControlledStore;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogException;
import dev.aims.evidence.FailurePolicy;
import dev.aims.spring.boot.EvidenceHealthIndicator;
import dev.aims.spring.boot.EvidenceMeters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health indicator and the meters, through Spring Boot's own health and metrics support. */
class ActuatorAutoConfigurationTest {
  @TempDir Path tmp;
  TestKeys.Written key;

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AimsEvidenceAutoConfiguration.class,
                  AimsEvidenceHealthAutoConfiguration.class,
                  AimsEvidenceMetricsAutoConfiguration.class,
                  HealthContributorAutoConfiguration.class,
                  HealthContributorRegistryAutoConfiguration.class,
                  MetricsAutoConfiguration.class))
          .withUserConfiguration(Registry.class);

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    @Bean
    SimpleMeterRegistry simpleMeterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @BeforeEach
  void keys() throws Exception {
    key = TestKeys.write(tmp.resolve("keys"), ORIGIN);
  }

  private ApplicationContextRunner fileLog() {
    return runner.withPropertyValues(
        "aims.evidence.directory=" + tmp.resolve("evidence"),
        "aims.evidence.signer-key=" + key.skey());
  }

  @Test
  void health_isRegisteredAsAimsEvidenceAndUp() {
    fileLog()
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(EvidenceHealthIndicator.class);
              HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
              HealthIndicator indicator = (HealthIndicator) registry.getContributor("aimsEvidence");
              assertThat(indicator).isNotNull();
              context.getBean(EvidenceLog.class).append(decision(1));
              context.getBean(EvidenceLog.class).flush();
              assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
              assertThat(indicator.health().getDetails())
                  .containsEntry("origin", ORIGIN)
                  .containsEntry("size", 1L);
            });
  }

  @Test
  void health_isDownOnceTheLogFailedClosed() {
    ControlledStore store = new ControlledStore();
    runner
        .withBean(
            EvidenceLog.class,
            () ->
                EvidenceLog.builder()
                    .store(store)
                    .signer(key.signer())
                    .origin(ORIGIN)
                    .failurePolicy(FailurePolicy.FAIL_CLOSED)
                    .build())
        .run(
            context -> {
              HealthIndicator indicator =
                  (HealthIndicator)
                      context
                          .getBean(HealthContributorRegistry.class)
                          .getContributor("aimsEvidence");
              assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
              EvidenceLog log = context.getBean(EvidenceLog.class);
              store.failSyncs = true;
              log.append(decision(1));
              assertThatThrownBy(log::flush).isInstanceOf(EvidenceLogException.class);
              assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
              assertThat(
                      context
                          .getBean(MeterRegistry.class)
                          .get(EvidenceMeters.FAILURES)
                          .functionCounter()
                          .count())
                  .isEqualTo(1.0);
              store.failSyncs = false;
            });
  }

  @Test
  void health_maxCheckpointAgeNotPositive_failsStartUpNamingTheProperty() {
    fileLog()
        .withPropertyValues("aims.evidence.health.max-checkpoint-age=0s")
        .run(
            context ->
                assertThat(StartupFailures.of(context))
                    .isEqualTo("aims.evidence.health.max-checkpoint-age=PT0S: must be positive"));
  }

  @Test
  void health_canBeTurnedOffLikeBootsOwnIndicators() {
    fileLog()
        .withPropertyValues("management.health.aimsevidence.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(EvidenceLog.class)
                    .doesNotHaveBean(EvidenceHealthIndicator.class));
  }

  @Test
  void meters_areRegisteredTaggedWithTheOriginAndCount() {
    fileLog()
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              EvidenceLog log = context.getBean(EvidenceLog.class);
              for (int i = 0; i < 3; i++) {
                log.append(decision(i));
              }
              log.flush();
              log.checkpoint();

              FunctionCounter appends =
                  registry.get(EvidenceMeters.APPENDS).tag("origin", ORIGIN).functionCounter();
              assertThat(appends.count()).isEqualTo(3.0);
              assertThat(registry.get(EvidenceMeters.FAILURES).functionCounter().count()).isZero();
              assertThat(registry.get(EvidenceMeters.QUEUE_DEPTH).gauge().value()).isZero();
              assertThat(registry.get(EvidenceMeters.CHECKPOINT_SIZE).gauge().value())
                  .isEqualTo(3.0);
              FunctionTimer commits = registry.get(EvidenceMeters.COMMIT_LATENCY).functionTimer();
              assertThat(commits.count()).isBetween(1.0, 3.0);
              // Micrometer keeps the time in seconds: back in nanoseconds it may differ from the
              // log's count in the last bits of the double.
              assertThat(commits.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                  .isCloseTo(
                      (double) log.stats().commitNanos(), org.assertj.core.data.Offset.offset(1.0));
            });
  }

  @Test
  void withoutMicrometerOrTheActuator_theLogStillStarts() {
    fileLog()
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class, HealthIndicator.class))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(EvidenceLog.class)
                    .doesNotHaveBean(EvidenceMeters.class)
                    .doesNotHaveBean(EvidenceHealthIndicator.class));
  }

  @Test
  void withoutALog_thereIsNeitherIndicatorNorMeters() {
    runner
        .withPropertyValues("aims.evidence.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(EvidenceHealthIndicator.class)
                    .doesNotHaveBean(EvidenceMeters.class));
  }
}
