package dev.aims.examples.service;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.OversightOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;

/** Runs {@link CreditDecisionService} over generated applications, logging to {@code args[0]}. */
public final class ServiceExample {
  private ServiceExample() {}

  /** Decides 1,000 generated applications and prints how many were reviewed. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "evidence-service");
    NoteSigner signer = NoteSigner.generate("example.com/credit-service");
    int reviewed = 0;
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(signer).origin(signer.name()).build()) {
      CreditDecisionService<CreditApplication> service =
          CreditDecisionService.create(log, ServiceExample::fourEyes, Clock.systemUTC());
      Random random = new Random(42);
      for (int i = 0; i < 1_000; i++) {
        if (service.decide(application(random, i)).reviewed()) {
          reviewed++;
        }
      }
    }
    System.out.println("decided 1000 applications, " + reviewed + " reviewed by a person");
    Path vkey = Path.of(dir + ".vkey");
    Files.writeString(vkey, signer.verifier().vkey() + "\n");
    System.out.println("verify with: ./aims verify " + dir + " --key " + vkey);
  }

  /** Generates an application; the same seed gives the same applications. */
  static CreditApplication application(Random random, int i) {
    long income = 20_000 + random.nextInt(100_000);
    long debt = (long) (income * random.nextDouble() * 0.8);
    return new CreditApplication("A-" + i, income, debt, random.nextInt(15));
  }

  /** A reviewer policy: approve the model's proposal unless the debt exceeds half the income. */
  static HumanOversight fourEyes(CreditApplication a, double score, String proposed) {
    boolean overRatio = a.debt() * 2 > a.annualIncome();
    if (proposed.equals("approve") && overRatio) {
      return HumanOversight.builder()
          .reviewer("uw-117")
          .outcome(OversightOutcome.OVERRIDDEN)
          .overrideReason("debt above half of income")
          .build();
    }
    return HumanOversight.of("uw-117", OversightOutcome.APPROVED);
  }
}
