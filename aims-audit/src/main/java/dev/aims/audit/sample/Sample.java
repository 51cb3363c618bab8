package dev.aims.audit.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.audit.report.Templates;
import dev.aims.core.json.AimsJson;
import dev.aims.evidence.record.RecordType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An auditor's sample of evidence records, as {@link Sampler} drew it: the seed and filters that
 * reproduce it, the checkpoint it was drawn under, how many records matched, and the sampled
 * records in index order.
 *
 * @param seed the seed the auditor named
 * @param type the record type filter, if any
 * @param system the AI system filter, if any
 * @param origin the log's origin line, from the checkpoint
 * @param checkpointSize the checkpoint's tree size: the sample was drawn among indexes below it
 * @param checkpointRoot the checkpoint's root hash, base64
 * @param verifiedBy the name of the key the checkpoint's signature was checked with; empty when it
 *     was not checked
 * @param population how many records under the checkpoint match the filters
 * @param records the sampled records, in index order
 */
public record Sample(
    String seed,
    Optional<RecordType> type,
    Optional<String> system,
    String origin,
    long checkpointSize,
    String checkpointRoot,
    Optional<String> verifiedBy,
    long population,
    List<SampledRecord> records) {

  /** Checks that every component is present, and copies the records. */
  public Sample {
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(checkpointRoot, "checkpointRoot");
    Objects.requireNonNull(verifiedBy, "verifiedBy");
    records = List.copyOf(records);
  }

  /**
   * Returns the JSON summary ({@code sample.json}): {@code algorithm}, {@code seed}, {@code
   * filters} ({@code type}, {@code system}, each only when set), {@code checkpoint} ({@code
   * origin}, {@code size}, {@code root}, {@code verifiedBy} when checked), {@code population},
   * {@code count} and {@code records} (each with {@code index}, {@code occurredAt}, {@code type},
   * {@code system}, {@code decision} and {@code oversight} when present, and {@code proofFile}).
   */
  public String json() {
    ObjectNode root = AimsJson.mapper().createObjectNode();
    root.put("algorithm", Sampler.ALGORITHM);
    root.put("seed", seed);
    ObjectNode filters = root.putObject("filters");
    type.ifPresent(t -> filters.put("type", t.id()));
    system.ifPresent(s -> filters.put("system", s));
    ObjectNode cp = root.putObject("checkpoint");
    cp.put("origin", origin);
    cp.put("size", checkpointSize);
    cp.put("root", checkpointRoot);
    verifiedBy.ifPresent(k -> cp.put("verifiedBy", k));
    root.put("population", population);
    root.put("count", records.size());
    ArrayNode rows = root.putArray("records");
    for (SampledRecord r : records) {
      ObjectNode row = rows.addObject();
      row.put("index", r.index());
      row.put("occurredAt", r.occurredAt().toString());
      row.put("type", r.type().id());
      row.put("system", r.system());
      r.decision().ifPresent(d -> row.put("decision", d));
      r.oversight().ifPresent(o -> row.put("oversight", o));
      row.put("proofFile", r.proofFile());
    }
    try {
      return AimsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }

  /** Returns the Markdown summary ({@code sample.md}): the parameters, then a table of records. */
  public String markdown() {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("seed", seed);
    scope.put("algorithm", Sampler.ALGORITHM);
    scope.put("filters", filters());
    scope.put("origin", origin);
    scope.put("size", checkpointSize);
    scope.put("root", checkpointRoot);
    scope.put("verifiedBy", verifiedBy.orElse(null));
    scope.put("drawn", records.size());
    scope.put("population", population);
    scope.put(
        "records",
        records.stream()
            .map(
                r -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("index", r.index());
                  row.put("occurredAt", r.occurredAt().toString());
                  row.put("type", r.type().id());
                  row.put("system", r.system());
                  row.put("decision", r.decision().orElse(""));
                  row.put("oversight", r.oversight().orElse(""));
                  row.put("proofFile", r.proofFile());
                  return row;
                })
            .toList());
    return Templates.markdown("sample.md.mustache", scope);
  }

  /** Returns the filters as text: {@code type ai-decision, system credit-scoring}, or none. */
  public String filters() {
    return filters(type, system);
  }

  static String filters(Optional<RecordType> type, Optional<String> system) {
    StringBuilder sb = new StringBuilder();
    type.ifPresent(t -> sb.append("type ").append(t.id()));
    system.ifPresent(s -> sb.append(sb.length() == 0 ? "" : ", ").append("system ").append(s));
    return sb.length() == 0 ? "none" : sb.toString();
  }
}
