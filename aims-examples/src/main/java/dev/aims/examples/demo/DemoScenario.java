package dev.aims.examples.demo;

import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.impact.ImpactClassification;
import dev.aims.assessment.impact.ImpactClassifier;
import dev.aims.assessment.impact.ImpactRule;
import dev.aims.assessment.readiness.ReadinessAssessor;
import dev.aims.assessment.readiness.ReadinessReport;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.improvement.CorrectiveAction;
import dev.aims.core.improvement.CorrectiveActionStatus;
import dev.aims.core.improvement.ImprovementSource;
import dev.aims.core.improvement.Nonconformity;
import dev.aims.core.improvement.NonconformityStatus;
import dev.aims.core.incident.AiIncident;
import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.incident.IncidentStatus;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.system.AiSystem;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogBuilder;
import dev.aims.evidence.note.KeyFiles;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.PostgresLogExport;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.PostgresLogVerifier;
import dev.aims.evidence.record.AiIncidentEvent;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.ImpactAssessmentEvent;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.MonitoringKind;
import dev.aims.evidence.record.OversightOutcome;
import dev.aims.evidence.verify.VerificationResult;
import dev.aims.examples.service.CreditDecisionService;
import dev.aims.examples.service.Reviewer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;

/**
 * The governance scenario behind {@code aims demo}: a bank registers its credit-scoring system,
 * assesses its impact and risks, states which Annex A controls apply, trains a model, runs
 * decisions through it with human review of borderline scores, monitors drift and fairness, handles
 * the incident a breach raises, and hands an auditor a signed pack that verifies offline.
 *
 * <p>The decisions go through {@link CreditDecisionService}, as a host's would: the scenario plugs
 * in its Tribuo model and its underwriters, and adds the monitoring around the service.
 */
final class DemoScenario {
  /** The log's origin and key name. */
  static final String ORIGIN = "demo.aims.dev/credit-scoring";

  /** Scores within this distance of the threshold go to an underwriter (human in the loop). */
  static final double BORDERLINE = 0.06;

  /** The drift alert threshold for the population stability index (a common rule of thumb). */
  static final double PSI_THRESHOLD = 0.25;

  /** The fairness alert threshold for the approval-rate ratio (the four-fifths rule). */
  static final double RATIO_THRESHOLD = 0.8;

  private static final long SEED = 42;
  private static final int TRAINING = 4_000;
  private static final int HOLDOUT = 1_000;
  private static final Duration SPACING = Duration.ofSeconds(6);
  private static final String MODEL_VERSION = "1.0.0";
  private static final String[] REVIEWERS = {"uw-017", "uw-042", "uw-108"};
  private static final String[] OVERRIDE_REASONS = {
    "verified income is higher than declared",
    "missed payment was a bank error, corrected on the credit file",
    "guarantor added to the application",
    "recent employment change not yet reflected in the data"
  };

  /**
   * Where the demo wrote its files and what it found.
   *
   * @param out the output directory
   * @param logDir the evidence log
   * @param pack the audit pack
   * @param vkey the verifier key file
   * @param decisions the number of decisions logged
   * @param reviewed how many went to an underwriter
   * @param overridden how many the underwriter overrode
   * @param breaches the monitoring events that breached their threshold
   * @param verification the pack's verification
   * @param database with {@code --jdbc}: the verification of the log straight from PostgreSQL
   */
  record Result(
      Path out,
      Path logDir,
      Path pack,
      Path vkey,
      int decisions,
      int reviewed,
      int overridden,
      List<String> breaches,
      DemoPack.Verification verification,
      Optional<VerificationResult> database) {}

  private final PrintWriter out;
  private final int decisions;
  private int step;
  // With --jdbc: the log lives in this database instead of the output directory.
  private DataSource dataSource;
  private String jdbcUrl;
  private String origin = ORIGIN;

  DemoScenario(PrintWriter out, int decisions) {
    if (decisions < 100) {
      throw new IllegalArgumentException("--decisions must be at least 100, was " + decisions);
    }
    this.out = out;
    this.decisions = decisions;
  }

  /**
   * Keeps the evidence log in PostgreSQL, at {@code origin} in {@code dataSource} ({@code url}
   * names it in the output and holds no password), instead of in the output directory; the pack is
   * written from a copy of it, and the log is verified in the database as well.
   */
  void database(DataSource dataSource, String url, String origin) {
    this.dataSource = dataSource;
    this.jdbcUrl = url;
    this.origin = origin;
  }

  /**
   * Runs the scenario into {@code dir}, replacing what an earlier demo wrote there.
   *
   * @throws IllegalStateException if the log in the database is not empty (an earlier run's, signed
   *     with another key)
   */
  Result run(Path dir) throws IOException, InterruptedException {
    long started = System.nanoTime();
    if (dataSource != null) {
      requireEmptyLog();
    }
    Path logDir = dir.resolve("evidence");
    Path pack = dir.resolve("audit-pack");
    Path keys = dir.resolve("keys");
    for (Path p : List.of(logDir, pack, keys)) {
      DemoPack.delete(p);
    }
    Files.createDirectories(keys);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    step("Register the AI system and the AIMS scope (Clause 4.3, A.4.2)");
    AiSystem system = DemoRecords.system(MODEL_VERSION);
    say(
        "%s: %s, %s, oversight %s",
        system.id(), system.name(), system.outputType(), system.humanOversight());
    say("scope: %s, %d AI system(s)", DemoRecords.ORGANISATION, 1);

    step("Assess the system's impact (AISIA, Clause 6.1.4, A.5.2)");
    ImpactAssessment aisia = DemoRecords.impactAssessment();
    ImpactClassification impact = ImpactClassifier.classify(aisia);
    say(
        "classification %s; rules fired: %s",
        impact.level(),
        String.join(", ", impact.firedRules().stream().map(ImpactRule::id).toList()));

    step("Build the risk register and the Statement of Applicability (Clause 6.1.2, 6.1.3)");
    List<RiskEntry> risks = DemoRecords.risks();
    AimsRecords base =
        AimsRecords.builder()
            .scope(DemoRecords.scope())
            .addSystems(system)
            .addAllRisks(risks)
            .addImpactAssessments(aisia)
            .build();
    // The records' matrix, as every assessment of them uses: the demo keeps the default 5 by 5.
    RiskMatrix matrix = RiskMatrix.forRecords(base);
    Map<RiskLevel, Integer> levels = new EnumMap<>(RiskLevel.class);
    risks.forEach(r -> levels.merge(matrix.level(r.residual()), 1, Integer::sum));
    say("%d risks; residual levels %s", risks.size(), levels);
    StatementOfApplicability soa = DemoRecords.soa(base, today);
    say(
        "SoA v%s: %d controls, %d applicable, %d excluded with justification",
        soa.version(),
        soa.annexAEntries().size(),
        soa.applicableEntries().size(),
        soa.excludedEntries().size());

    step("Train the credit-scoring model (Tribuo logistic regression, synthetic data, seed 42)");
    Random rnd = new Random(SEED);
    List<DemoApplicants.Applicant> training = DemoApplicants.generate(rnd, "T", TRAINING, false);
    List<DemoApplicants.Applicant> holdout = DemoApplicants.generate(rnd, "H", HOLDOUT, false);
    DemoModel model = DemoModel.train(training);
    say("%d training applicants; holdout accuracy %s", TRAINING, fmt(model.accuracy(holdout)));
    double[] edges = quantileEdges(training.stream().mapToDouble(model::score).toArray());

    NoteSigner signer = NoteSigner.generate(origin);
    Path skey = keys.resolve("log.skey");
    Path vkey = keys.resolve("log.vkey");
    // A rerun replaces the key; the new one is owner-only from the moment it exists.
    Files.deleteIfExists(skey);
    KeyFiles.writeSecret(skey, signer.skey() + "\n");
    Files.writeString(vkey, signer.verifier().vkey() + "\n", StandardCharsets.UTF_8);

    step("Run " + decisions + " decisions, each logged as evidence; borderline scores reviewed");
    List<String> breaches = new ArrayList<>();
    int reviewed = 0;
    int overridden = 0;
    int monitoringEvents = 0;
    Instant start = now.minus(SPACING.multipliedBy(decisions + 60L));
    List<AiIncident> incidents = new ArrayList<>();
    List<Nonconformity> ncs = new ArrayList<>();
    List<CorrectiveAction> actions = new ArrayList<>();
    int batch = Math.max(100, decisions / 10);
    EvidenceLogBuilder builder =
        EvidenceLog.builder()
            .signer(signer)
            .origin(origin)
            .checkpointEvery(Math.max(100, decisions / 10), Duration.ofSeconds(2));
    if (dataSource == null) {
      builder.directory(logDir);
    } else {
      builder.store(PostgresLogStore.builder(dataSource).origin(origin).open());
    }
    try (EvidenceLog log = builder.build()) {
      log.append(ImpactAssessmentEvent.of(aisia, start.minus(Duration.ofHours(1))));
      CreditDecisionService<DemoApplicants.Applicant> service =
          CreditDecisionService.<DemoApplicants.Applicant>builder(
                  log, model::score, DemoScenario::inputOf)
              .model(DemoModel.NAME, MODEL_VERSION)
              .borderline(BORDERLINE)
              .reviewer(underwriters(new Random(SEED + 1)))
              .build();
      List<Double> batchScores = new ArrayList<>();
      int[] approved = new int[2];
      int[] seen = new int[2];
      for (int i = 0; i < decisions; i++) {
        boolean shifted = i >= decisions / 2;
        DemoApplicants.Applicant a = DemoApplicants.generate(rnd, "A", 1, shifted).get(0);
        a =
            new DemoApplicants.Applicant(
                String.format("APP-%06d", i),
                a.incomeThousands(),
                a.debtRatio(),
                a.creditYears(),
                a.missedPayments(),
                a.under30(),
                a.repaid());
        Instant t = start.plus(SPACING.multipliedBy(i));
        CreditDecisionService.Outcome decided =
            service.decide(
                a,
                t,
                String.format(Locale.ROOT, "%032x", SEED * 1_000_003L + i),
                String.format(Locale.ROOT, "%016x", i + 1L));
        if (decided.reviewed()) {
          reviewed++;
        }
        if (decided.review().filter(OversightOutcome.OVERRIDDEN::equals).isPresent()) {
          overridden++;
        }
        double score = decided.score();
        boolean approve = decided.approved();
        if (i + 1 == decisions / 2) {
          // The applicant population shifts from here on: a checkpoint marks the log as it stood
          // before the shift, whatever the writer's batching did.
          log.checkpoint();
        }
        batchScores.add(score);
        int g = a.under30() ? 1 : 0;
        seen[g]++;
        approved[g] += approve ? 1 : 0;
        if ((i + 1) % batch == 0 || i + 1 == decisions) {
          double psi = psi(edges, batchScores);
          double rate0 = seen[0] == 0 ? 0 : (double) approved[0] / seen[0];
          double rate1 = seen[1] == 0 ? 0 : (double) approved[1] / seen[1];
          double ratio =
              Math.max(rate0, rate1) == 0 ? 1 : Math.min(rate0, rate1) / Math.max(rate0, rate1);
          boolean drift = psi > PSI_THRESHOLD;
          boolean bias = ratio < RATIO_THRESHOLD;
          monitoringEvents += 2;
          log.append(
              monitoring(
                  t,
                  "population_stability_index",
                  psi,
                  PSI_THRESHOLD,
                  MonitoringKind.DRIFT,
                  drift));
          log.append(
              monitoring(
                  t,
                  "approval_rate_ratio_under30",
                  ratio,
                  RATIO_THRESHOLD,
                  MonitoringKind.BIAS,
                  bias));
          if (drift) {
            breaches.add(
                "population_stability_index " + fmt(psi) + " > " + PSI_THRESHOLD + " at " + t);
          }
          if (bias) {
            breaches.add(
                "approval_rate_ratio_under30 " + fmt(ratio) + " < " + RATIO_THRESHOLD + " at " + t);
          }
          if ((drift || bias) && incidents.isEmpty()) {
            incident(
                log,
                t,
                drift ? "population drift: PSI " + fmt(psi) : "approval-rate ratio " + fmt(ratio),
                today,
                incidents,
                ncs,
                actions);
          }
          batchScores.clear();
          Arrays.fill(approved, 0);
          Arrays.fill(seen, 0);
        }
        if ((i + 1) % Math.max(1, decisions / 5) == 0) {
          say("%,d decisions logged, %,d reviewed, %,d overridden", i + 1, reviewed, overridden);
        }
      }
      step("Record monitoring, the AI incident and its corrective action (Clause 9.1, 10.2)");
      for (String b : breaches) {
        say("BREACH %s", b);
      }
      if (!incidents.isEmpty()) {
        log.append(
            AiIncidentEvent.builder()
                .system(DemoRecords.SYSTEM)
                .occurredAt(now.minusSeconds(30))
                .incidentId(incidents.get(0).id())
                .severity(IncidentSeverity.MEDIUM)
                .status(IncidentStatus.CONTAINED)
                .summary(
                    "Underwriters review every application from the shifted segment until the"
                        + " model is retrained ("
                        + actions.get(0).id()
                        + ")")
                .build());
        say(
            "incident %s -> nonconformity %s -> corrective action %s (due %s)",
            incidents.get(0).id(), ncs.get(0).id(), actions.get(0).id(), actions.get(0).dueDate());
      }
      step("Sign checkpoints");
      log.flush();
      log.checkpoint();
      say("%,d records in the log", log.size());
    }

    AimsRecords records =
        AimsRecords.builder()
            .from(base)
            .soa(soa)
            .addAllIncidents(incidents)
            .addAllNonconformities(ncs)
            .addAllCorrectiveActions(actions)
            .build();

    if (dataSource != null) {
      step("Copy the log from PostgreSQL to a log directory, the evidence the pack carries");
      try (PostgresLogStore store = openStore()) {
        long copied = PostgresLogExport.toDirectory(store, logDir);
        say("%,d entries of %s in %s copied to %s", copied, origin, jdbcUrl, shown(logDir));
      }
    }

    step("Write the audit pack");
    DemoPack.Verification v = DemoPack.writeAndVerify(logDir, records, today, signer, pack);
    say("%d checkpoints signed; pack written to %s", v.checkpoints(), pack);
    for (String control : List.of("A.6.2.6", "A.6.2.8")) {
      say(
          "SoA evidence for %s: %s",
          control, v.coverage().reference(control).orElse("no record in the log"));
    }
    say(
        "auditor sample: %d decisions drawn with seed %s, each with its inclusion proof in %s",
        v.sampled(), DemoPack.SAMPLE_SEED, shown(pack.resolve("sample")));

    step("Verify the audit pack as an auditor would (offline, with the verifier key)");
    say(
        "%s: %d files match the signed manifest; log %d entries, %d checkpoints",
        v.ok() ? "VERIFIED" : "FAILED", v.files(), v.entries(), v.checkpoints());
    for (String p : v.problems()) {
      say("problem: %s", p);
    }
    Optional<VerificationResult> database = Optional.empty();
    if (dataSource != null) {
      step("Verify the log straight from PostgreSQL (with the verifier key)");
      VerificationResult d;
      try (PostgresLogStore store = openStore()) {
        d = PostgresLogVerifier.builder().keys(List.of(signer.verifier())).build().verify(store);
      }
      say(
          "%s: evidence log %s in %s: %d entries, %d checkpoints",
          d.ok() ? "VERIFIED" : "FAILED", origin, jdbcUrl, d.entries(), d.checkpoints());
      d.problems().forEach(p -> say("problem: %s", p));
      database = Optional.of(d);
    }
    boolean logOk = v.ok() && database.map(VerificationResult::ok).orElse(true);

    ReadinessReport readiness =
        ReadinessAssessor.assess(records, today, v.coverage(), EvidenceWindow.DEFAULT);
    out.println();
    out.println("What an auditor sees");
    out.printf(
        Locale.ROOT,
        "  AI system        %s (%s impact), %d risks, SoA %d/%d applicable%n",
        system.id(),
        impact.level(),
        risks.size(),
        soa.applicableEntries().size(),
        soa.annexAEntries().size());
    out.printf(
        Locale.ROOT,
        "  decisions        %,d logged, %,d reviewed by a person, %,d overridden%n",
        decisions,
        reviewed,
        overridden);
    out.printf(
        Locale.ROOT,
        "  monitoring       %d events, %d breaches; incidents %d%n",
        monitoringEvents,
        breaches.size(),
        incidents.size());
    out.printf(
        Locale.ROOT,
        "  readiness        %d of %d checklist items red%n",
        readiness.blocking().size(),
        readiness.entries().size());
    out.printf(Locale.ROOT, "  evidence log     %s%n", logOk ? "verified" : "FAILED");
    out.println();
    out.println("Files");
    out.println("  audit pack       " + shown(pack));
    out.println("  HTML report      " + shown(pack.resolve(DemoPack.REPORT)));
    out.println("  verifier key     " + shown(vkey));
    out.println("  signer key       " + shown(skey) + "  (secret: signs the log's checkpoints)");
    if (dataSource == null) {
      out.println("  live log         " + shown(logDir));
    } else {
      out.println("  live log         " + origin + " in " + jdbcUrl);
      out.println("  copied log       " + shown(logDir));
    }
    out.println();
    out.println("Next: verify the pack yourself");
    out.println("  ./aims verify " + shown(pack) + " --key " + shown(vkey));
    if (dataSource != null) {
      out.println(
          "  ./aims verify --jdbc '" + jdbcUrl + "' --log " + origin + " --key " + shown(vkey));
    }
    out.printf(Locale.ROOT, "%nDone in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    out.flush();
    return new Result(
        dir, logDir, pack, vkey, decisions, reviewed, overridden, breaches, v, database);
  }

  private PostgresLogStore openStore() throws IOException {
    return PostgresLogStore.builder(dataSource).origin(origin).migrate(false).open();
  }

  /** Refuses a log in the database that already holds entries: an earlier run's, another key's. */
  private void requireEmptyLog() throws IOException {
    try (PostgresLogStore store = PostgresLogStore.builder(dataSource).origin(origin).open()) {
      if (store.size() > 0) {
        throw new IllegalStateException(
            "evidence log "
                + origin
                + " in "
                + jdbcUrl
                + " already holds "
                + store.size()
                + " entries, signed by an earlier run's key; give the demo a new origin with"
                + " --log ORIGIN, or a new database");
      }
    }
  }

  /**
   * The underwriters: one of three reviews each borderline score; about a fifth of the reviews
   * override the model and a twelfth refer the application to a senior underwriter. The same seed
   * gives the same reviews.
   */
  private static Reviewer<DemoApplicants.Applicant> underwriters(Random reviewer) {
    return (applicant, score, proposed) -> {
      String who = REVIEWERS[reviewer.nextInt(REVIEWERS.length)];
      double r = reviewer.nextDouble();
      if (r < 0.22) {
        return HumanOversight.builder()
            .reviewer(who)
            .outcome(OversightOutcome.OVERRIDDEN)
            .overrideReason(OVERRIDE_REASONS[reviewer.nextInt(OVERRIDE_REASONS.length)])
            .build();
      }
      return HumanOversight.of(
          who, r < 0.30 ? OversightOutcome.ESCALATED : OversightOutcome.APPROVED);
    };
  }

  private void incident(
      EvidenceLog log,
      Instant t,
      String what,
      LocalDate today,
      List<AiIncident> incidents,
      List<Nonconformity> ncs,
      List<CorrectiveAction> actions) {
    String year = String.valueOf(today.getYear());
    String id = "INC-" + year + "-001";
    String nc = "NC-" + year + "-001";
    String ca = "CA-" + year + "-001";
    log.append(
        AiIncidentEvent.builder()
            .system(DemoRecords.SYSTEM)
            .occurredAt(t)
            .incidentId(id)
            .severity(IncidentSeverity.MEDIUM)
            .status(IncidentStatus.OPEN)
            .summary("Monitoring threshold breached: " + what)
            .build());
    incidents.add(
        AiIncident.builder()
            .id(id)
            .systemId(DemoRecords.SYSTEM)
            .occurredAt(t)
            .detectedAt(t)
            .severity(IncidentSeverity.MEDIUM)
            .description(
                "Monitoring threshold breached ("
                    + what
                    + "): the applicant population moved away from the training data, so"
                    + " scores may be less accurate")
            .addAffectedParties("Retail loan applicants")
            .addControls("A.6.2.6", "A.8.4")
            .nonconformityId(nc)
            .status(IncidentStatus.INVESTIGATING)
            .build());
    ncs.add(
        Nonconformity.builder()
            .id(nc)
            .source(ImprovementSource.MONITORING)
            .description("Credit-scoring model drifted beyond its monitoring threshold: " + what)
            .addReferences("A.6.2.6", "9.1")
            .addSystemIds(DemoRecords.SYSTEM)
            .raisedOn(today)
            .raisedBy("Model risk team")
            .correction("Every application from the shifted segment goes to an underwriter")
            .status(NonconformityStatus.ACTIONS_IN_PROGRESS)
            .build());
    actions.add(
        CorrectiveAction.builder()
            .id(ca)
            .nonconformityId(nc)
            .action(
                "Retrain the model on the last quarter's applications and add a monthly drift"
                    + " review to the model risk calendar")
            .owner("Head of Model Risk")
            .raisedOn(today)
            .dueDate(today.plusDays(30))
            .status(CorrectiveActionStatus.IN_PROGRESS)
            .build());
  }

  private static MonitoringEvent monitoring(
      Instant t,
      String metric,
      double value,
      double threshold,
      MonitoringKind kind,
      boolean breach) {
    return MonitoringEvent.builder()
        .system(DemoRecords.SYSTEM)
        .occurredAt(t)
        .metric(metric)
        .value(fmt(value))
        .threshold(String.format(Locale.ROOT, "%.2f", threshold))
        .kind(kind)
        .breach(breach)
        .build();
  }

  private static Map<String, Object> inputOf(DemoApplicants.Applicant a) {
    return Map.of(
        "applicant", a.id(),
        "incomeEur", Math.round(a.incomeThousands() * 1000),
        "debtRatioPermille", Math.round(a.debtRatio() * 1000),
        "creditYears", Math.round(a.creditYears()),
        "missedPayments", (long) a.missedPayments());
  }

  /** Returns the 9 inner edges of the deciles of {@code scores}. */
  static double[] quantileEdges(double[] scores) {
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    double[] edges = new double[9];
    for (int k = 1; k <= 9; k++) {
      edges[k - 1] = sorted[Math.min(sorted.length - 1, k * sorted.length / 10)];
    }
    return edges;
  }

  /**
   * Returns the population stability index of {@code scores} against the reference deciles given by
   * {@code edges}: the sum over bins of (actual - expected) * ln(actual / expected), with each
   * bin's expected share 1/10 and empty bins counted as a small share so the sum stays finite.
   */
  static double psi(double[] edges, List<Double> scores) {
    int[] counts = new int[edges.length + 1];
    for (double s : scores) {
      int b = 0;
      while (b < edges.length && s >= edges[b]) {
        b++;
      }
      counts[b]++;
    }
    double expected = 1.0 / counts.length;
    double sum = 0;
    for (int c : counts) {
      double actual = Math.max(1e-4, (double) c / scores.size());
      sum += (actual - expected) * Math.log(actual / expected);
    }
    return sum;
  }

  /**
   * Returns {@code p} relative to the working directory when it lies below it, for shorter
   * commands.
   */
  static String shown(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private void step(String title) {
    out.printf(Locale.ROOT, "[%d] %s%n", ++step, title);
    out.flush();
  }

  private void say(String format, Object... args) {
    out.printf(Locale.ROOT, "    " + format + "%n", args);
    out.flush();
  }
}
