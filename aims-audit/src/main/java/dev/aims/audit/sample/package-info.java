/**
 * Auditor sampling of an evidence log (Clause 9.2, internal audit; Stage 2 of a certification
 * audit): {@link dev.aims.audit.sample.Sampler} draws a number of records reproducibly from a seed
 * the auditor names, over the log's latest signed checkpoint, and writes each drawn record as a
 * C2SP tlog-proof with a Markdown and a JSON summary; {@link dev.aims.audit.sample.Sample} is the
 * result and {@link dev.aims.audit.sample.SampledRecord} one row of it.
 *
 * <p>The drawing algorithm is fixed and documented on {@link dev.aims.audit.sample.Sampler} so that
 * an auditor can recompute a sample with their own tools.
 */
package dev.aims.audit.sample;
