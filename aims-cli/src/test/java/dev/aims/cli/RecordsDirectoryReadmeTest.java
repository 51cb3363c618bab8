package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.assessment.policy.PolicyDraft;
import dev.aims.assessment.policy.PolicyGenerator;
import dev.aims.assessment.readiness.ReadinessAssessor;
import dev.aims.assessment.readiness.ReadinessReport;
import dev.aims.assessment.risk.RiskRegisterCheck;
import dev.aims.assessment.roadmap.Roadmap;
import dev.aims.assessment.roadmap.RoadmapPlanner;
import dev.aims.assessment.soa.SoaProposer;
import dev.aims.core.policy.PolicyKind;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.StatementOfApplicability;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The README's SoA and readiness snippet, compiled and checked against the sample records. */
class RecordsDirectoryReadmeTest {
  @Test
  void readmeSnippet_runsOnTheSampleRecords() {
    Path dir = Path.of("../samples/records");
    // --- README snippet starts ---
    AimsRecords records = RiskRegisterCheck.recordsReader().read(dir); // every bad file at once
    LocalDate today = LocalDate.of(2026, 11, 30);

    StatementOfApplicability soa =
        SoaProposer.propose(records) // from roles and risk treatment
            .review()
            .exclude("A.10.4", "We provide no AI system to customers.")
            .confirm("Dana Reyes (Head of Risk)", today, "1.1"); // keeps who decided

    GapAnalysis gaps = GapAnalyzer.analyse(records, today); // 32 clauses + 38 controls
    Roadmap roadmap = RoadmapPlanner.plan(gaps, records, today); // 30/60/90 days, strategic
    ReadinessReport readiness = ReadinessAssessor.assess(records, today); // Stage 1 and 2
    PolicyDraft policy = PolicyGenerator.generate(PolicyKind.AI_POLICY, records, today);
    String markdown = policy.markdown();
    // --- README snippet ends ---
    assertThat(soa.entry("A.10.4").orElseThrow().applicable()).isFalse();
    assertThat(soa.entry("A.10.4").orElseThrow().decision().orElseThrow().changedFromProposal())
        .isTrue();
    assertThat(gaps.items()).hasSize(70);
    assertThat(roadmap.actions()).isNotEmpty();
    assertThat(readiness.readyForStage1()).isTrue();
    assertThat(markdown).startsWith("# AI policy");
  }
}
