/**
 * What the AIMS Spring Boot starter adds to an application around its evidence log: the {@code
 * aimsEvidence} health indicator, the {@code aims.evidence.*} Micrometer meters, and the exception
 * that a misconfigured log fails start-up with.
 *
 * <p>The auto-configuration in {@link dev.aims.spring.boot.autoconfigure} creates them; an
 * application that builds its own {@link dev.aims.evidence.EvidenceLog} can also create them
 * itself.
 */
package dev.aims.spring.boot;
