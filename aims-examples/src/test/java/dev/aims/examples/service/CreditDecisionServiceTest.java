package dev.aims.examples.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.OversightOutcome;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreditDecisionServiceTest {
  @Test
  void decide_logsEveryDecisionWithReviewOfBorderlineCases(@TempDir Path dir) throws Exception {
    NoteSigner signer = NoteSigner.generate("example.com/credit-service");
    List<CreditDecisionService.Outcome> outcomes = new ArrayList<>();
    List<CreditApplication> applications = new ArrayList<>();
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(signer).origin(signer.name()).build()) {
      CreditDecisionService<CreditApplication> service =
          CreditDecisionService.create(log, ServiceExample::fourEyes, Clock.systemUTC());
      Random random = new Random(7);
      for (int i = 0; i < 400; i++) {
        CreditApplication a = ServiceExample.application(random, i);
        applications.add(a);
        outcomes.add(service.decide(a));
      }
    }

    assertThat(outcomes).hasSize(400);
    List<Long> indexes = outcomes.stream().map(o -> o.receipt().index()).sorted().toList();
    assertThat(indexes).doesNotHaveDuplicates().first().isEqualTo(0L);
    assertThat(indexes.get(indexes.size() - 1)).isEqualTo(399L);

    for (int i = 0; i < outcomes.size(); i++) {
      CreditDecisionService.Outcome o = outcomes.get(i);
      boolean borderline =
          Math.abs(o.score() - CreditDecisionService.THRESHOLD) < CreditDecisionService.BORDERLINE;
      assertThat(o.reviewed()).isEqualTo(borderline);
      String leaf = new String(o.receipt().entry(), StandardCharsets.UTF_8);
      assertThat(leaf.contains("\"oversight\":")).isEqualTo(borderline);
      assertThat(leaf).contains("\"decision\":\"" + o.decision() + "\"");
      assertThat(leaf).doesNotContain("\"" + applications.get(i).applicantId() + "\"");
    }
    assertThat(outcomes).anyMatch(CreditDecisionService.Outcome::reviewed);
    assertThat(outcomes).anyMatch(o -> !o.reviewed());

    VerificationResult result = LogVerifier.verify(dir, signer.verifier());
    assertThat(result.ok()).as(result.toString()).isTrue();
  }

  @Test
  void decide_overriddenProposalTakesTheReviewersSide() {
    // Debt ratio 0.48 and two years employed: z = 0.06, probability 0.515, borderline approve.
    CreditApplication ok = new CreditApplication("A-1", 40_000, 19_200, 2);
    // Debt ratio 0.68 and six years employed: also z = 0.06, but debt above half the income.
    CreditApplication risky = new CreditApplication("A-2", 40_000, 27_200, 6);
    CreditDecisionService<CreditApplication> service =
        CreditDecisionService.create(
            EvidenceLog.noop(), ServiceExample::fourEyes, Clock.systemUTC());

    CreditDecisionService.Outcome first = service.decide(ok);
    CreditDecisionService.Outcome second = service.decide(risky);

    assertThat(first.reviewed()).isTrue();
    assertThat(first.score()).isBetween(0.5, 0.55);
    assertThat(first.decision()).isEqualTo("approve");
    assertThat(first.approved()).isTrue();
    assertThat(second.reviewed()).isTrue();
    assertThat(second.score()).isGreaterThanOrEqualTo(0.5);
    assertThat(second.review()).contains(OversightOutcome.OVERRIDDEN);
    assertThat(second.decision()).isEqualTo("decline (underwriter override)");
    assertThat(second.approved()).isFalse();
  }

  @Test
  void builder_plugsInAnotherModelAndBorderline_andLogsTheCallersTimeAndTrace(@TempDir Path dir)
      throws Exception {
    List<String> reviewed = new ArrayList<>();
    Reviewer<String> escalate =
        (application, score, proposed) -> {
          reviewed.add(application);
          return HumanOversight.of("uw-1", OversightOutcome.ESCALATED);
        };
    NoteSigner signer = NoteSigner.generate("example.com/credit-service");
    Instant at = Instant.parse("2026-01-02T03:04:05Z");
    String trace = "0123456789abcdef0123456789abcdef";
    CreditDecisionService.Outcome near;
    CreditDecisionService.Outcome clear;
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(signer).origin(signer.name()).build()) {
      CreditDecisionService<String> service =
          CreditDecisionService.<String>builder(
                  log, id -> id.equals("near") ? 0.45 : 0.9, id -> Map.of("applicant", id))
              .model("other-model", "2.0.0")
              .borderline(0.06)
              .reviewer(escalate)
              .build();
      near = service.decide("near", at, trace, "0123456789abcdef");
      clear = service.decide("clear");
    }

    // 0.45 is borderline only with the wider band: the default 0.05 would not send it to review.
    assertThat(reviewed).containsExactly("near");
    assertThat(near.decision()).isEqualTo("refer to senior underwriter");
    assertThat(near.approved()).isFalse();
    assertThat(near.review()).contains(OversightOutcome.ESCALATED);
    String leaf = new String(near.receipt().entry(), StandardCharsets.UTF_8);
    assertThat(leaf)
        .contains("\"model\":\"other-model\"")
        .contains("\"modelVersion\":\"2.0.0\"")
        .contains("2026-01-02T03:04:05Z")
        .contains(trace)
        .contains("\"confidence\":\"0.450\"");
    assertThat(clear.reviewed()).isFalse();
    assertThat(clear.decision()).isEqualTo("approve");
  }

  @Test
  void builder_rejectsABorderlineOutsideTheScoreRange() {
    assertThatThrownBy(
            () ->
                CreditDecisionService.builder(EvidenceLog.noop(), a -> 0.5, a -> Map.of())
                    .borderline(0.7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("borderline must be between 0 and 0.5, was 0.7");
  }

  @Test
  void logFiles_neverHoldTheApplicantsData(@TempDir Path dir) throws Exception {
    NoteSigner signer = NoteSigner.generate("example.com/credit-service");
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(signer).origin(signer.name()).build()) {
      CreditDecisionService.create(log, ServiceExample::fourEyes, Clock.systemUTC())
          .decide(new CreditApplication("APPLICANT-SECRET-77", 50_000, 10_000, 3));
    }
    // The opening store (erasable) may hold it; no file of the log itself does.
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.getFileName().toString().contains("opening")) {
          continue;
        }
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(text).as(f.toString()).doesNotContain("APPLICANT-SECRET-77");
      }
    }
  }
}
