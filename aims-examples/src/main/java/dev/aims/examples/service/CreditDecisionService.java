package dev.aims.examples.service;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.OversightOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides credit applications with a scoring model and logs every decision as evidence.
 *
 * <p>Scores within the borderline distance of {@link #THRESHOLD} go to a human reviewer, whose
 * outcome is what takes effect and what the log records. The application itself is logged as a
 * salted commitment; the output as a redacted summary (its score band). {@link #create(EvidenceLog,
 * Reviewer, Clock)} gives the service with a fixed logistic model over {@link CreditApplication};
 * {@link #builder(EvidenceLog, Scorer, Function)} plugs in any model and application type.
 * Thread-safe when the scorer and the reviewer are.
 *
 * @param <A> the type of application decided
 */
public final class CreditDecisionService<A> {
  /** The approval threshold on the model's probability. */
  public static final double THRESHOLD = 0.5;

  /** The default distance from the threshold within which a person reviews the output. */
  public static final double BORDERLINE = 0.05;

  private static final String SYSTEM = "credit-scoring";

  private final EvidenceLog log;
  private final Scorer<? super A> scorer;
  private final Function<? super A, Map<String, Object>> input;
  private final Reviewer<? super A> reviewer;
  private final Clock clock;
  private final String model;
  private final String modelVersion;
  private final double borderline;

  private CreditDecisionService(Builder<A> b) {
    this.log = b.log;
    this.scorer = b.scorer;
    this.input = b.input;
    this.reviewer = Objects.requireNonNull(b.reviewer, "reviewer was not set");
    this.clock = b.clock;
    this.model = b.model;
    this.modelVersion = b.modelVersion;
    this.borderline = b.borderline;
  }

  /**
   * Creates the service with its own model, a fixed logistic function of the debt ratio and the
   * years employed ({@code credit-logit} 1.0.0), and the default borderline.
   *
   * @param log where decisions are logged; {@link EvidenceLog#noop()} turns evidence off
   * @param reviewer who reviews borderline cases
   * @param clock the time source for {@code occurredAt}
   * @return the service
   */
  public static CreditDecisionService<CreditApplication> create(
      EvidenceLog log, Reviewer<CreditApplication> reviewer, Clock clock) {
    return builder(log, CreditDecisionService::score, CreditApplication::asTree)
        .reviewer(reviewer)
        .clock(clock)
        .build();
  }

  /**
   * Starts a service with another model.
   *
   * @param log where decisions are logged; {@link EvidenceLog#noop()} turns evidence off
   * @param scorer the model
   * @param input what of an application the log commits to, as a JSON tree; it may hold personal
   *     data, since only its salted commitment enters the log
   * @param <A> the type of application decided
   * @return a builder; a reviewer must be set before {@link Builder#build()}
   */
  public static <A> Builder<A> builder(
      EvidenceLog log, Scorer<? super A> scorer, Function<? super A, Map<String, Object>> input) {
    return new Builder<>(log, scorer, input);
  }

  /** Configures a {@link CreditDecisionService}; not thread-safe. */
  public static final class Builder<A> {
    private final EvidenceLog log;
    private final Scorer<? super A> scorer;
    private final Function<? super A, Map<String, Object>> input;
    private Reviewer<? super A> reviewer;
    private Clock clock = Clock.systemUTC();
    private String model = "credit-logit";
    private String modelVersion = "1.0.0";
    private double borderline = BORDERLINE;

    private Builder(
        EvidenceLog log, Scorer<? super A> scorer, Function<? super A, Map<String, Object>> input) {
      this.log = Objects.requireNonNull(log, "log");
      this.scorer = Objects.requireNonNull(scorer, "scorer");
      this.input = Objects.requireNonNull(input, "input");
    }

    /** Sets who reviews borderline cases (required). */
    public Builder<A> reviewer(Reviewer<? super A> reviewer) {
      this.reviewer = Objects.requireNonNull(reviewer, "reviewer");
      return this;
    }

    /** Sets the time source for {@code occurredAt} (default: the system clock in UTC). */
    public Builder<A> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the model's name and version as every decision logs them. */
    public Builder<A> model(String name, String version) {
      this.model = Objects.requireNonNull(name, "name");
      this.modelVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Sets the distance from {@link #THRESHOLD} within which a person reviews the output.
     *
     * @throws IllegalArgumentException if {@code borderline} is not between 0 and 0.5
     */
    public Builder<A> borderline(double borderline) {
      if (!(borderline >= 0 && borderline <= THRESHOLD)) {
        throw new IllegalArgumentException(
            "borderline must be between 0 and " + THRESHOLD + ", was " + borderline);
      }
      this.borderline = borderline;
      return this;
    }

    /**
     * Builds the service.
     *
     * @throws NullPointerException if no reviewer was set
     */
    public CreditDecisionService<A> build() {
      return new CreditDecisionService<>(this);
    }
  }

  /**
   * The outcome of one application.
   *
   * @param decision the decision that took effect, as logged: {@code approve} or {@code decline},
   *     with the reviewer's part when a review changed it, or a referral
   * @param approved whether the application counts as approved: the model's proposal, or the
   *     reverse when the reviewer overrode or rejected it
   * @param score the model's approval probability
   * @param review the reviewer's outcome, when the score was borderline
   * @param receipt the evidence log's receipt
   */
  public record Outcome(
      String decision,
      boolean approved,
      double score,
      Optional<OversightOutcome> review,
      Receipt receipt) {
    /** Returns whether a person reviewed the output. */
    public boolean reviewed() {
      return review.isPresent();
    }
  }

  /** Scores the application, has borderline cases reviewed, logs the decision and returns it. */
  public Outcome decide(A application) {
    return decide(application, clock.instant(), AiDecision.builder());
  }

  /**
   * Decides as {@link #decide(Object)} does, logging the decision at {@code occurredAt} within the
   * caller's trace, so that the evidence joins the host's distributed traces (A.6.2.8).
   *
   * @param application the application
   * @param occurredAt when the decision took effect
   * @param traceId the W3C trace id, 32 lower-case hex digits
   * @param spanId the W3C span id, 16 lower-case hex digits
   * @return the outcome
   */
  public Outcome decide(A application, Instant occurredAt, String traceId, String spanId) {
    return decide(application, occurredAt, AiDecision.builder().traceId(traceId).spanId(spanId));
  }

  private Outcome decide(A application, Instant occurredAt, AiDecision.Builder record) {
    double score = scorer.score(application);
    boolean approved = score >= THRESHOLD;
    String proposed = approved ? "approve" : "decline";
    String decision = proposed;
    Optional<HumanOversight> oversight = Optional.empty();
    if (Math.abs(score - THRESHOLD) < borderline) {
      HumanOversight review = reviewer.review(application, score, proposed);
      oversight = Optional.of(review);
      switch (review.outcome()) {
        case OVERRIDDEN, REJECTED -> {
          approved = !approved;
          decision = (approved ? "approve" : "decline") + " (underwriter override)";
        }
        case ESCALATED -> decision = "refer to senior underwriter";
        default -> {}
      }
    }
    record
        .system(SYSTEM)
        .occurredAt(occurredAt)
        .model(model)
        .modelVersion(modelVersion)
        .input(log.commit(input.apply(application)))
        .output(ProtectedValue.redacted("score band " + band(score)))
        .confidence(String.format(Locale.ROOT, "%.3f", score))
        .decision(decision)
        .oversight(oversight);
    Receipt receipt = log.append(record.build());
    return new Outcome(decision, approved, score, oversight.map(HumanOversight::outcome), receipt);
  }

  /** The service's own model: a fixed logistic function of the debt ratio and employment. */
  static double score(CreditApplication a) {
    double debtRatio = a.annualIncome() <= 0 ? 10 : (double) a.debt() / a.annualIncome();
    double z = 1.2 - 3.0 * debtRatio + 0.15 * Math.min(a.yearsEmployed(), 10);
    return 1 / (1 + Math.exp(-z));
  }

  private static String band(double score) {
    return score >= 0.8 ? "A" : score >= 0.6 ? "B" : score >= 0.4 ? "C" : score >= 0.2 ? "D" : "E";
  }
}
