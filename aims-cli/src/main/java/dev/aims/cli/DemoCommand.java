package dev.aims.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code aims demo}: the end-to-end governance scenario, listed with the other commands so that
 * {@code aims --help} names it.
 *
 * <p>The scenario and its model live in {@code aims-examples} ({@code dev.aims.examples.demo}),
 * which the {@code ./aims} script builds and starts; the command-line jar does not contain them.
 * Run from this jar, the command therefore only says how to start it and exits with code 2.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a complete AI governance scenario: register a credit-scoring system, assess its impact"
          + " and risks, build the SoA, train a local model, log thousands of decisions with human"
          + " review, monitor drift and fairness, handle an incident, write and verify a signed"
          + " audit pack.",
      "Run from a source checkout: ./aims demo [--out DIR] [--decisions N] [--jdbc URL] builds aims-examples"
          + " first; ./aims demo --help lists its options.",
      ""
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  // The demo's own options (--out, --decisions, --jdbc) are not this command's; they are accepted
  // so that
  // the message below, not an unknown-option error, is what a user of this jar sees.
  @Unmatched List<String> demoArgs = new ArrayList<>();

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "aims demo: the demo is not in this jar; run it from a source checkout with"
                + " ./aims demo [--out DIR] [--decisions N] [--jdbc URL]");
    return 2;
  }
}
