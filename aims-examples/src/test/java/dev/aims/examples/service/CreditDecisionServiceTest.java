package dev.aims.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
      CreditDecisionService service =
          new CreditDecisionService(log, ServiceExample::fourEyes, Clock.systemUTC());
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
    CreditDecisionService service =
        new CreditDecisionService(EvidenceLog.noop(), ServiceExample::fourEyes, Clock.systemUTC());

    CreditDecisionService.Outcome first = service.decide(ok);
    CreditDecisionService.Outcome second = service.decide(risky);

    assertThat(first.reviewed()).isTrue();
    assertThat(first.score()).isBetween(0.5, 0.55);
    assertThat(first.decision()).isEqualTo("approve");
    assertThat(second.reviewed()).isTrue();
    assertThat(second.score()).isGreaterThanOrEqualTo(0.5);
    assertThat(second.decision()).isEqualTo("decline");
  }

  @Test
  void logFiles_neverHoldTheApplicantsData(@TempDir Path dir) throws Exception {
    NoteSigner signer = NoteSigner.generate("example.com/credit-service");
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(signer).origin(signer.name()).build()) {
      new CreditDecisionService(log, ServiceExample::fourEyes, Clock.systemUTC())
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
