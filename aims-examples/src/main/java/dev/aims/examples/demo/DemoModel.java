package dev.aims.examples.demo;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The demo's credit-scoring model: a Tribuo logistic regression trained locally on synthetic
 * applicants. Its score is the probability of repayment.
 */
final class DemoModel {
  /** The model name logged with every decision. */
  static final String NAME = "credit-logreg";

  private static final String REPAID = "repaid";
  private static final String DEFAULTED = "defaulted";
  private static final LabelFactory LABELS = new LabelFactory();

  // Held so that the level set on Tribuo's logger is not lost to garbage collection.
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  private final Model<Label> model;

  private DemoModel(Model<Label> model) {
    this.model = model;
  }

  /** Trains on {@code applicants} (Tribuo's default seed: the same data gives the same model). */
  static DemoModel train(List<DemoApplicants.Applicant> applicants) {
    // Tribuo reports each training epoch at INFO; the demo prints its own progress instead.
    TRIBUO_LOG.setLevel(Level.WARNING);
    List<Example<Label>> examples =
        applicants.stream()
            .map(a -> example(a, new Label(a.repaid() ? REPAID : DEFAULTED)))
            .toList();
    ListDataSource<Label> source =
        new ListDataSource<>(
            examples,
            LABELS,
            new SimpleDataSourceProvenance("synthetic credit applicants", LABELS));
    MutableDataset<Label> data = new MutableDataset<>(source);
    return new DemoModel(new LogisticRegressionTrainer().train(data));
  }

  /** Returns the probability of repayment the model gives {@code applicant}, between 0 and 1. */
  double score(DemoApplicants.Applicant applicant) {
    Prediction<Label> p = model.predict(example(applicant, LabelFactory.UNKNOWN_LABEL));
    Label repaid = p.getOutputScores().get(REPAID);
    return repaid == null ? 0 : repaid.getScore();
  }

  /** Returns the share of {@code applicants} whose predicted label matches the real outcome. */
  double accuracy(List<DemoApplicants.Applicant> applicants) {
    long right = applicants.stream().filter(a -> (score(a) >= 0.5) == a.repaid()).count();
    return applicants.isEmpty() ? 0 : (double) right / applicants.size();
  }

  private static Example<Label> example(DemoApplicants.Applicant a, Label label) {
    return new ArrayExample<>(label, DemoApplicants.FEATURE_NAMES, a.features());
  }
}
