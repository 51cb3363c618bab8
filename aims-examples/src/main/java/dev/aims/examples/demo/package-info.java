/**
 * The governance scenario behind {@code ./aims demo}: a bank registers its credit-scoring system,
 * trains a local Tribuo model, runs its decisions through {@link
 * dev.aims.examples.service.CreditDecisionService} with human review of borderline scores, and
 * hands an auditor a signed audit pack. Run it with {@code ./aims demo} or {@link
 * dev.aims.examples.demo.DemoCommand#main(String[])}.
 */
package dev.aims.examples.demo;
