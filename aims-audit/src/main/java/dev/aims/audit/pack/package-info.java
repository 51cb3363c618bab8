/**
 * The audit pack: a published directory format that an auditor verifies offline with the evidence
 * log's verifier key. {@link dev.aims.audit.pack.AuditPack#builder()} writes one; {@link
 * dev.aims.audit.pack.AuditPack#verify} checks one and returns typed {@link
 * dev.aims.audit.pack.PackProblem}s.
 *
 * <h2>Files</h2>
 *
 * <pre>
 * MANIFEST                 signed note: SHA-256 and size of every other file
 * log.vkey                 the log's verifier key (trust the one you obtained independently)
 * log/                     the evidence log and its checkpoint history, as the file store
 *                          writes it (format, entries.data, entries.index, tree nodes,
 *                          checkpoints); never the openings (salts and values of commitments)
 * log/timestamps/N.tsr     when the log has them: RFC 3161 timestamp tokens over its checkpoint
 *                          of size N (checked by 'aims verify --tsa-cert')
 * log/cosignatures/N.note  when the log has them: checkpoint N with its witnesses' cosignatures
 * records/aims-records.json  all the AIMS records as one AimsRecords JSON document
 * records/KIND/ID.json     one file per record: systems, risks, impact-assessments
 *                          (SYSTEM-DATE.json), incidents, nonconformities, corrective-actions
 * reports/soa.json         the Statement of Applicability record (its schema's JSON)
 * reports/soa-table.json   the SoA in the lead auditor's columns: controlId, controlName,
 *                          applicable, justification, implementationStatus, evidenceReference
 * reports/*.md, *.json     SoA, risk register, impact assessments (with level, fired rules,
 *                          controls and explanation), gap analysis, readiness
 * report.html              the self-contained report an auditor opens in a browser
 * sample/                  when a sample is taken: record-N.tlog-proof for every sampled
 *                          record (C2SP tlog-proof), sample.md and sample.json
 * </pre>
 *
 * <h2>Manifest</h2>
 *
 * <p>{@code MANIFEST} is a C2SP signed note, signed with the log's own key (the key that signs its
 * checkpoints), whose text is, one line each with {@code \n} line ends:
 *
 * <pre>
 * aims-audit-pack 1
 * origin &lt;the signer's key name, the log's origin&gt;
 * sha256:&lt;64 lower-case hex&gt; &lt;size in bytes&gt; &lt;path&gt;
 * ...
 * </pre>
 *
 * <p>One line per regular file of the pack except {@code MANIFEST} itself, sorted by path, paths
 * relative to the pack with {@code /} separators. The digest is SHA-256 over the file's bytes.
 *
 * <h2>Verification</h2>
 *
 * <p>The signature must verify with the verifier key the auditor obtained independently (the pack's
 * {@code log.vkey} proves integrity, not origin); every listed file must exist inside the pack with
 * that size and digest; no file may be unlisted; and the log in {@code log/} must verify entry by
 * entry, leaf hash, tree node and checkpoint, with the same key.
 */
package dev.aims.audit.pack;
