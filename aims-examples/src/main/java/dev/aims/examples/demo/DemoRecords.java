package dev.aims.examples.demo;

import dev.aims.assessment.soa.SoaProposer;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.json.AimsJson;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.system.AffectedPopulation;
import dev.aims.core.system.AiRole;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.LifecycleStage;
import dev.aims.core.system.ModelVersion;
import dev.aims.core.system.OutputType;
import dev.aims.core.system.PopulationScale;
import dev.aims.core.system.SystemStatus;
import dev.aims.core.system.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo organisation's AIMS records: a bank that scores retail credit applications with a model
 * it trains itself. The risk register and impact assessment are bundled JSON (the same shape as
 * {@code samples/records}); the rest is built here.
 */
final class DemoRecords {
  /** The demo's AI system id. */
  static final String SYSTEM = "credit-scoring";

  /** The organisation's name. */
  static final String ORGANISATION = "Northwind Bank";

  private static final int RISK_FILES = 6;

  private DemoRecords() {}

  /** Returns the AI system register entry for the model version {@code modelVersion}. */
  static AiSystem system(String modelVersion) {
    return AiSystem.builder()
        .id(SYSTEM)
        .name("Retail credit scoring")
        .intendedPurpose("Score retail loan applications for the underwriter who decides on them")
        .addRoles(AiRole.AI_PROVIDER, AiRole.AI_CUSTOMER)
        .lifecycleStage(LifecycleStage.OPERATION_AND_MONITORING)
        .outputType(OutputType.DECISION_SUPPORT)
        .impactDomain(ImpactDomain.FINANCIAL_SERVICES)
        .affectedPopulation(
            AffectedPopulation.of(
                PopulationScale.LARGE,
                Vulnerability.POTENTIALLY_VULNERABLE,
                "Retail loan applicants in the EU"))
        .humanOversight(HumanOversightMode.HUMAN_IN_THE_LOOP)
        .addModels(ModelVersion.of(DemoModel.NAME, modelVersion))
        .owner("Head of Credit Risk")
        .status(SystemStatus.IN_OPERATION)
        .build();
  }

  /** Returns the AIMS scope (Clause 4.3). */
  static AimsScope scope() {
    return AimsScope.builder()
        .organisation(ORGANISATION)
        .boundaries(
            "Retail lending in the EU: the credit-scoring system, its data, its model and the"
                + " underwriters who review its scores")
        .addSystemIds(SYSTEM)
        .addRoles(AiRole.AI_PROVIDER, AiRole.AI_CUSTOMER)
        .build();
  }

  /** Returns the risk register (Clause 6.1.2, 8.2). */
  static List<RiskEntry> risks() {
    List<RiskEntry> risks = new ArrayList<>();
    for (int i = 1; i <= RISK_FILES; i++) {
      risks.add(read(String.format("R-%03d.json", i), RiskEntry.class));
    }
    return risks;
  }

  /** Returns the AI system impact assessment (Clause 6.1.4, 8.4). */
  static ImpactAssessment impactAssessment() {
    return read("impact-assessment.json", ImpactAssessment.class);
  }

  /**
   * Returns the Statement of Applicability: the proposal from the records, confirmed unchanged by
   * the governance board on {@code today}.
   */
  static StatementOfApplicability soa(AimsRecords records, LocalDate today) {
    return SoaProposer.propose(records)
        .review()
        .confirm("AI governance board (chair: Head of Risk)", today, "1.0");
  }

  private static <T> T read(String name, Class<T> type) {
    String path = "records/" + name;
    try (InputStream in = DemoRecords.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("bundled demo record " + path + " is missing");
      }
      return AimsJson.mapper().readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled demo record " + path, e);
    }
  }
}
