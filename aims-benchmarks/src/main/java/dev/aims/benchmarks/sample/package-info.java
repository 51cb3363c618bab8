/**
 * The one AI decision record every benchmark writes (about 300 bytes of JSON), so that the evidence
 * log and the logging baselines are compared on the same input. {@link
 * dev.aims.benchmarks.sample.DecisionSamples} cycles through a fixed set of distinct values so that
 * no benchmark can cache its output.
 */
package dev.aims.benchmarks.sample;
