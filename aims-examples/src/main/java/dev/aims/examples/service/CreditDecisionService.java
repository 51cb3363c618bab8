package dev.aims.examples.service;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.OversightOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides credit applications with a small scoring model and logs every decision as evidence.
 *
 * <p>Scores within {@link #BORDERLINE} of the threshold go to a human reviewer, whose outcome is
 * what takes effect and what the log records. The application itself is logged as a salted
 * commitment; the output as a redacted summary. Thread-safe when the reviewer is.
 */
public final class CreditDecisionService {
  /** The approval threshold on the model's probability. */
  public static final double THRESHOLD = 0.5;

  /** Distance from the threshold within which a person reviews the output. */
  public static final double BORDERLINE = 0.05;

  private static final String SYSTEM = "credit-scoring";
  private static final String MODEL = "credit-logit";
  private static final String MODEL_VERSION = "1.0.0";

  private final EvidenceLog log;
  private final Reviewer reviewer;
  private final Clock clock;

  /**
   * Creates the service.
   *
   * @param log where decisions are logged; {@link EvidenceLog#noop()} turns evidence off
   * @param reviewer who reviews borderline cases
   * @param clock the time source for {@code occurredAt}
   */
  public CreditDecisionService(EvidenceLog log, Reviewer reviewer, Clock clock) {
    this.log = log;
    this.reviewer = reviewer;
    this.clock = clock;
  }

  /** The outcome of one application: the decision that took effect and its evidence receipt. */
  public record Outcome(String decision, double score, boolean reviewed, Receipt receipt) {}

  /** Scores the application, has borderline cases reviewed, logs the decision and returns it. */
  public Outcome decide(CreditApplication application) {
    double score = score(application);
    String proposed = score >= THRESHOLD ? "approve" : "decline";
    Optional<HumanOversight> oversight = Optional.empty();
    String decision = proposed;
    if (Math.abs(score - THRESHOLD) < BORDERLINE) {
      HumanOversight review = reviewer.review(application, score, proposed);
      oversight = Optional.of(review);
      if (review.outcome() == OversightOutcome.OVERRIDDEN
          || review.outcome() == OversightOutcome.REJECTED) {
        decision = proposed.equals("approve") ? "decline" : "approve";
      }
    }
    AiDecision record =
        AiDecision.builder()
            .system(SYSTEM)
            .occurredAt(clock.instant())
            .model(MODEL)
            .modelVersion(MODEL_VERSION)
            .input(log.commit(application.asTree()))
            .output(ProtectedValue.redacted("probability band " + band(score)))
            .confidence(decimal(score))
            .decision(decision)
            .oversight(oversight)
            .build();
    return new Outcome(decision, score, oversight.isPresent(), log.append(record));
  }

  /** The model: a fixed logistic function of the debt ratio and employment history. */
  static double score(CreditApplication a) {
    double debtRatio = a.annualIncome() <= 0 ? 10 : (double) a.debt() / a.annualIncome();
    double z = 1.2 - 3.0 * debtRatio + 0.15 * Math.min(a.yearsEmployed(), 10);
    return 1 / (1 + Math.exp(-z));
  }

  private static String band(double score) {
    return String.valueOf((char) ('A' + Math.min(4, (int) ((1 - score) * 5))));
  }

  private static String decimal(double score) {
    return BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
  }
}
