/**
 * Spring Boot auto-configuration of the AIMS evidence log: an {@link dev.aims.evidence.EvidenceLog}
 * bean from the {@code aims.evidence.*} properties ({@link AimsEvidenceProperties}), on a directory
 * or on the application's PostgreSQL {@code DataSource}, with its health indicator and meters when
 * the actuator and Micrometer are present.
 *
 * <p>Registered in {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration
 * .imports}. An application's own {@code EvidenceLog} bean replaces the configured one; {@code
 * aims.evidence.enabled=false} turns it off. A property that cannot work fails start-up with an
 * {@link dev.aims.spring.boot.EvidenceConfigurationException} naming it and its value. {@link
 * AimsAiProperties} holds the {@code aims.ai.*} choices of the AI framework integrations; with
 * Spring AI and {@code aims-spring-ai} on the class path, {@link AimsSpringAiAutoConfiguration}
 * puts the evidence advisor on every {@code ChatClient.Builder} that Spring AI auto-configures.
 */
package dev.aims.spring.boot.autoconfigure;
