package dev.aims.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

class BenchTest {
  @Test
  void helpSpellings_becomeJmhsOwnHelpFlag() throws CommandLineOptionException {
    assertThat(Bench.listingArgs(new String[] {"--help"})).containsExactly("-h");
    assertThat(Bench.listingArgs(new String[] {"-help", "-lprof"})).containsExactly("-h", "-lprof");
    assertThat(Bench.listingArgs(new String[] {"-l", "Logging"})).containsExactly("-l", "Logging");
    // JMH parses what Bench hands it: help is asked for, and nothing is rejected.
    assertThat(new CommandLineOptions(Bench.listingArgs(new String[] {"--help"})).shouldHelp())
        .isTrue();
  }
}
