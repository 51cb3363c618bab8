package dev.aims.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic credit applicants for the demo, generated from a fixed seed so that every run sees the
 * same people. Nothing here describes a real person; the demo still logs them only as salted
 * commitments, as a host would log real applicants.
 */
final class DemoApplicants {
  private DemoApplicants() {}

  /**
   * One applicant: the model's features, the group used only for the fairness metric (applicants
   * under 30 against the others; never a model feature), and whether the applicant repaid (known
   * only for the training data).
   */
  record Applicant(
      String id,
      double incomeThousands,
      double debtRatio,
      double creditYears,
      int missedPayments,
      boolean under30,
      boolean repaid) {

    /** Returns the features as the model sees them, scaled to similar ranges for SGD. */
    double[] features() {
      return new double[] {
        incomeThousands / 100.0, debtRatio, creditYears / 10.0, missedPayments / 3.0
      };
    }
  }

  /** The names of {@link Applicant#features()}, in order. */
  static final String[] FEATURE_NAMES = {"income", "debt_ratio", "credit_years", "missed_payments"};

  /**
   * Generates {@code count} applicants. With {@code shifted} the population has changed (lower
   * incomes, more debt: an interest-rate rise), which the drift metric should catch.
   */
  static List<Applicant> generate(Random rnd, String prefix, int count, boolean shifted) {
    List<Applicant> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean under30 = rnd.nextDouble() < 0.35;
      double income = Math.exp(Math.log(shifted ? 38 : 52) + 0.45 * rnd.nextGaussian());
      income = Math.min(250, Math.max(12, income));
      double debt = clamp((shifted ? 0.42 : 0.30) + 0.15 * rnd.nextGaussian(), 0, 0.95);
      double years =
          under30
              ? clamp(8 + 3 * rnd.nextGaussian(), 0, 14)
              : clamp(11 + 6 * rnd.nextGaussian(), 0, 45);
      int missed = poisson(rnd, shifted ? 0.9 : 0.6);
      double z =
          0.045 * (income - 45) - 5.0 * (debt - 0.33) + 0.10 * (years - 6) - 0.8 * missed + 0.6;
      boolean repaid = rnd.nextDouble() < 1 / (1 + Math.exp(-z));
      out.add(
          new Applicant(
              String.format("%s-%06d", prefix, i), income, debt, years, missed, under30, repaid));
    }
    return out;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static int poisson(Random rnd, double mean) {
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
