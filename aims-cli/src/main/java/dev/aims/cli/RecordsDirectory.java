package dev.aims.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.aims.assessment.risk.RiskRegisterCheck;
import dev.aims.core.audit.AuditProgramme;
import dev.aims.core.audit.AuditReport;
import dev.aims.core.competence.AwarenessRecord;
import dev.aims.core.competence.CompetenceRecord;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.improvement.CorrectiveAction;
import dev.aims.core.improvement.ImprovementItem;
import dev.aims.core.improvement.Nonconformity;
import dev.aims.core.incident.AiIncident;
import dev.aims.core.json.AimsJson;
import dev.aims.core.objective.AiObjective;
import dev.aims.core.policy.PolicyDocument;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import dev.aims.core.records.OversightRecord;
import dev.aims.core.review.ManagementReview;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.supplier.SupplierAssessment;
import dev.aims.core.system.AiSystem;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads an organisation's AIMS records from a directory of JSON files, one record per file.
 *
 * <p>The layout (every part optional):
 *
 * <pre>
 * organisation.json          Organisation: name, top management, AIMS manager, risk criteria,
 *                            its own risk matrix (riskMatrix), certificate date
 * scope.json                 AimsScope (Clause 4.3)
 * systems/*.json             AiSystem, the AI system register (A.4.2)
 * risks/*.json               RiskEntry (Clause 6.1.2, 6.1.3)
 * impact-assessments/*.json  ImpactAssessment (Clause 6.1.4, 8.4)
 * soa.json                   StatementOfApplicability (Clause 6.1.3), or instead:
 * soa/statement.json         the statement without entries, and soa/*.json one SoaEntry each
 * objectives/*.json          AiObjective (Clause 6.2)
 * audits/programme*.json     AuditProgramme (Clause 9.2.2); other audits/*.json: AuditReport
 * reviews/*.json             ManagementReview (Clause 9.3)
 * nonconformities/*.json     Nonconformity (Clause 10.2)
 * corrective-actions/*.json  CorrectiveAction (Clause 10.2)
 * improvements/*.json        ImprovementItem (Clause 10.1)
 * competence/*.json          CompetenceRecord (Clause 7.2)
 * awareness/*.json           AwarenessRecord (Clause 7.3)
 * suppliers/*.json           SupplierAssessment (A.10.3)
 * incidents/*.json           AiIncident (A.8.4)
 * policies/*.json            PolicyDocument (Clause 5.2, 7.5); other files there are ignored
 * oversight/*.json           OversightRecord (A.9.2, A.6.2.6)
 * </pre>
 *
 * <p>Files are read in name order. Files that do not end in {@code .json}, and names starting with
 * a dot, are ignored; an unknown folder or top-level JSON file is an error, so that a misspelt name
 * is not skipped silently. Every problem of every file is collected before failing: bad JSON, an
 * unknown field, a value of the wrong type, a missing field, a broken rule of a record, references
 * between records that do not resolve, and a risk accepted beyond the organisation's risk criteria
 * without an approver the criteria authorise (judged on the organisation's matrix, the default 5 by
 * 5 unless {@code organisation.json} defines one, by {@link
 * RiskRegisterCheck#unauthorisedAcceptances(AimsRecords)}). Each {@link Problem} names the file,
 * the record, the field and the value.
 */
public final class RecordsDirectory {
  /** The name of the statement file inside a {@code soa/} folder. */
  static final String SOA_STATEMENT = "statement.json";

  private static final List<Folder<?>> FOLDERS =
      List.of(
          new Folder<>("systems", "systems", AiSystem.class, AimsRecords.Builder::addAllSystems),
          new Folder<>("risks", "risks", RiskEntry.class, AimsRecords.Builder::addAllRisks),
          new Folder<>(
              "impact-assessments",
              "impactAssessments",
              ImpactAssessment.class,
              AimsRecords.Builder::addAllImpactAssessments),
          new Folder<>(
              "objectives", "objectives", AiObjective.class, AimsRecords.Builder::addAllObjectives),
          new Folder<>(
              "reviews",
              "managementReviews",
              ManagementReview.class,
              AimsRecords.Builder::addAllManagementReviews),
          new Folder<>(
              "nonconformities",
              "nonconformities",
              Nonconformity.class,
              AimsRecords.Builder::addAllNonconformities),
          new Folder<>(
              "corrective-actions",
              "correctiveActions",
              CorrectiveAction.class,
              AimsRecords.Builder::addAllCorrectiveActions),
          new Folder<>(
              "improvements",
              "improvements",
              ImprovementItem.class,
              AimsRecords.Builder::addAllImprovements),
          new Folder<>(
              "competence",
              "competence",
              CompetenceRecord.class,
              AimsRecords.Builder::addAllCompetence),
          new Folder<>(
              "awareness",
              "awareness",
              AwarenessRecord.class,
              AimsRecords.Builder::addAllAwareness),
          new Folder<>(
              "suppliers",
              "supplierAssessments",
              SupplierAssessment.class,
              AimsRecords.Builder::addAllSupplierAssessments),
          new Folder<>(
              "incidents", "incidents", AiIncident.class, AimsRecords.Builder::addAllIncidents),
          new Folder<>(
              "policies", "policies", PolicyDocument.class, AimsRecords.Builder::addAllPolicies),
          new Folder<>(
              "oversight",
              "oversight",
              OversightRecord.class,
              AimsRecords.Builder::addAllOversight));

  private static final Folder<AuditProgramme> PROGRAMMES =
      new Folder<>(
          "audits",
          "auditProgrammes",
          AuditProgramme.class,
          AimsRecords.Builder::addAllAuditProgrammes);
  private static final Folder<AuditReport> REPORTS =
      new Folder<>(
          "audits", "auditReports", AuditReport.class, AimsRecords.Builder::addAllAuditReports);

  private static final Pattern LISTED = Pattern.compile("([A-Za-z]+)\\[(\\d+)\\](?:\\.(.+))?");
  private static final Pattern MISSING =
      Pattern.compile("required attributes are not set \\[(.*)\\]");

  private RecordsDirectory() {}

  /**
   * One problem found in a records directory.
   *
   * @param file the file, relative to the directory (e.g. {@code risks/R-001.json})
   * @param record the record's id (or other name), or {@code -} when unknown
   * @param field the field, as a path inside the record (e.g. {@code residual.likelihood}), or
   *     {@code -} for the whole file
   * @param value the value found, as text
   * @param message what is wrong
   */
  public record Problem(String file, String record, String field, String value, String message) {
    @Override
    public String toString() {
      return file
          + (record.equals("-") ? "" : " (record '" + record + "')")
          + (field.equals("-") ? "" : ": field '" + field + "'")
          + ": "
          + message
          + (value.equals("-") ? "" : " (value: " + value + ")");
    }
  }

  /** Thrown when a records directory holds bad records; lists every problem of every file. */
  public static final class RecordsDirectoryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    RecordsDirectoryException(Path dir, List<Problem> problems) {
      super(
          problems.size()
              + (problems.size() == 1 ? " problem" : " problems")
              + " in records directory "
              + dir
              + ":\n"
              + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
      this.problems = List.copyOf(problems);
    }

    /** Returns every problem, in file order. */
    public List<Problem> problems() {
      return problems;
    }
  }

  /**
   * Reads the records in {@code dir}.
   *
   * @throws RecordsDirectoryException listing every problem found, when there is any
   */
  public static AimsRecords load(Path dir) {
    Reading reading = new Reading(dir);
    AimsRecords.Builder records = AimsRecords.builder();
    if (!Files.isDirectory(dir)) {
      reading.problem(dir.toString(), "-", "-", "-", "no such directory");
      throw reading.failure();
    }
    Map<String, List<Loaded<?>>> lists = new LinkedHashMap<>();
    reading.checkNames();
    Optional<Loaded<Organisation>> organisation =
        reading.one("organisation.json", Organisation.class);
    organisation.ifPresent(o -> records.organisation(o.record()));
    reading.one("scope.json", AimsScope.class).ifPresent(s -> records.scope(s.record()));
    for (Folder<?> folder : FOLDERS) {
      lists.put(folder.list(), reading.folder(folder, records, name -> true));
    }
    lists.put(
        PROGRAMMES.list(),
        reading.folder(PROGRAMMES, records, name -> name.startsWith("programme")));
    lists.put(
        REPORTS.list(), reading.folder(REPORTS, records, name -> !name.startsWith("programme")));
    Optional<Loaded<StatementOfApplicability>> soa = reading.soa();
    soa.ifPresent(s -> records.soa(s.record()));
    // References are checked even when some files failed, so that one run reports everything;
    // a reference to a record whose own file failed is not reported again.
    AimsRecords built = records.build();
    for (Violation v : built.consistencyProblems()) {
      if (!reading.unreadNames.contains(v.value().replaceAll("^'|'$", ""))) {
        reading.locate(v, lists, soa);
      }
    }
    // Accepting a risk beyond the criteria needs an approver the criteria authorise (Clause 6.1.3);
    // the register check only reports it, so loading is where it is rejected. It is judged only
    // when the criteria are known: with a broken organisation.json the defaults would stand in
    // and report problems that are not there.
    if (organisation.isPresent() || !Files.exists(dir.resolve("organisation.json"))) {
      for (Violation v : RiskRegisterCheck.unauthorisedAcceptances(built)) {
        reading.locate(v, lists, soa);
      }
    }
    if (reading.failed()) {
      throw reading.failure();
    }
    return built;
  }

  private record Folder<T>(
      String name, String list, Class<T> type, BiConsumer<AimsRecords.Builder, List<T>> put) {}

  /** A record read from a file, with the file (relative) and the record's name. */
  private record Loaded<T>(String file, String name, T record) {}

  /** The state of one load: the directory and the problems found so far. */
  private static final class Reading {
    private final Path dir;
    private final List<Problem> problems = new ArrayList<>();
    private List<Loaded<SoaEntry>> soaEntries = List.of();
    private final java.util.Set<String> unreadNames = new java.util.HashSet<>();

    Reading(Path dir) {
      this.dir = dir;
    }

    boolean failed() {
      return !problems.isEmpty();
    }

    RecordsDirectoryException failure() {
      return new RecordsDirectoryException(dir, problems);
    }

    void problem(String file, String record, String field, String value, String message) {
      problems.add(new Problem(file, record, field, value, message));
    }

    void checkNames() {
      List<String> known = new ArrayList<>();
      FOLDERS.forEach(f -> known.add(f.name()));
      known.addAll(List.of("audits", "soa"));
      List<String> files = List.of("organisation.json", "scope.json", "soa.json");
      for (Path p : list(dir)) {
        String name = p.getFileName().toString();
        if (Files.isDirectory(p) && !known.contains(name)) {
          problem(
              name + "/",
              "-",
              "-",
              "-",
              "unknown folder; known folders: " + known.stream().sorted().toList());
        } else if (!Files.isDirectory(p) && name.endsWith(".json") && !files.contains(name)) {
          problem(name, "-", "-", "-", "unknown file; top-level files: " + files);
        }
      }
      if (Files.exists(dir.resolve("soa.json")) && Files.isDirectory(dir.resolve("soa"))) {
        problem("soa.json", "-", "-", "-", "keep the SoA either in soa.json or in soa/, not both");
      }
    }

    <T> Optional<Loaded<T>> one(String file, Class<T> type) {
      Path p = dir.resolve(file);
      return Files.isRegularFile(p) ? read(p, type) : Optional.empty();
    }

    <T> List<Loaded<?>> folder(
        Folder<T> folder, AimsRecords.Builder records, java.util.function.Predicate<String> take) {
      Path d = dir.resolve(folder.name());
      if (!Files.isDirectory(d)) {
        return List.of();
      }
      List<Loaded<T>> loaded = new ArrayList<>();
      for (Path p : jsonFiles(d)) {
        if (take.test(p.getFileName().toString())) {
          read(p, folder.type()).ifPresent(loaded::add);
        }
      }
      folder.put().accept(records, loaded.stream().map(Loaded::record).toList());
      return List.copyOf(loaded);
    }

    Optional<Loaded<StatementOfApplicability>> soa() {
      Optional<Loaded<StatementOfApplicability>> single =
          one("soa.json", StatementOfApplicability.class);
      Path folder = dir.resolve("soa");
      if (single.isPresent() || !Files.isDirectory(folder)) {
        return single;
      }
      String statementFile = "soa/" + SOA_STATEMENT;
      Path statement = folder.resolve(SOA_STATEMENT);
      List<Loaded<SoaEntry>> entries = new ArrayList<>();
      for (Path p : jsonFiles(folder)) {
        if (!p.getFileName().toString().equals(SOA_STATEMENT)) {
          read(p, SoaEntry.class).ifPresent(entries::add);
        }
      }
      // Entries are kept in the standard's order, organisation-specific ones last, whatever the
      // file names; later messages about entries[i] are mapped back through this list.
      List<String> order =
          dev.aims.core.catalog.Catalog.standard().controls().stream().map(c -> c.id()).toList();
      entries.sort(
          java.util.Comparator.comparingInt(
              (Loaded<SoaEntry> e) -> {
                int i = order.indexOf(e.record().controlId());
                return i < 0 ? Integer.MAX_VALUE : i;
              }));
      soaEntries = List.copyOf(entries);
      if (!Files.isRegularFile(statement)) {
        problem(
            statementFile,
            "-",
            "-",
            "-",
            "missing: a soa/ folder needs statement.json with the version and approval of the"
                + " statement");
        return Optional.empty();
      }
      Optional<Loaded<JsonNode>> header = read(statement, JsonNode.class);
      if (header.isEmpty() || failed()) {
        return Optional.empty();
      }
      JsonNode node = header.get().record();
      String name = header.get().name();
      if (!node.isObject()) {
        problem(
            statementFile,
            name,
            "-",
            "-",
            "expected one JSON object: id, version, approvedBy, approvedOn");
        return Optional.empty();
      }
      List<String> known = List.of("id", "version", "approvedBy", "approvedOn");
      node.fieldNames()
          .forEachRemaining(
              f -> {
                if (!known.contains(f)) {
                  problem(
                      statementFile,
                      name,
                      f,
                      "-",
                      f.equals("entries")
                          ? "entries belong in their own files in soa/, one per control"
                          : "is not a field of the statement; known fields: " + known);
                }
              });
      StatementOfApplicability.Builder b = StatementOfApplicability.builder();
      text(node, "id", statementFile, name).ifPresent(b::id);
      Optional<String> version = text(node, "version", statementFile, name);
      if (version.isEmpty() && !node.has("version")) {
        problem(statementFile, name, "version", "missing", "is required");
      }
      version.ifPresent(b::version);
      text(node, "approvedBy", statementFile, name).ifPresent(b::approvedBy);
      text(node, "approvedOn", statementFile, name)
          .ifPresent(
              d -> {
                try {
                  b.approvedOn(LocalDate.parse(d));
                } catch (java.time.format.DateTimeParseException e) {
                  problem(
                      statementFile,
                      name,
                      "approvedOn",
                      "'" + d + "'",
                      "is not a date such as 2026-01-31");
                }
              });
      if (failed()) {
        return Optional.empty();
      }
      b.entries(entries.stream().map(Loaded::record).toList());
      try {
        return Optional.of(new Loaded<>(statementFile, name, b.build()));
      } catch (InvalidRecordException e) {
        for (Violation v : e.violations()) {
          locateSoa(v.path(), v, statementFile, name);
        }
      } catch (IllegalArgumentException e) {
        problem(statementFile, name, "-", "-", e.getMessage());
      }
      return Optional.empty();
    }

    private Optional<String> text(JsonNode node, String field, String file, String name) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (!v.isTextual()) {
        problem(file, name, field, v.toString(), "expected text");
        return Optional.empty();
      }
      return Optional.of(v.asText());
    }

    /** Maps a broken reference between records to the file that holds it. */
    void locate(
        Violation v,
        Map<String, List<Loaded<?>>> lists,
        Optional<Loaded<StatementOfApplicability>> soa) {
      String path = v.path();
      if (path.startsWith("scope.")) {
        problem("scope.json", "-", path.substring("scope.".length()), v.value(), v.message());
        return;
      }
      if (path.startsWith("soa.") && soa.isPresent()) {
        locateSoa(path.substring("soa.".length()), v, soa.get().file(), soa.get().name());
        return;
      }
      Matcher m = LISTED.matcher(path);
      if (m.matches() && lists.containsKey(m.group(1))) {
        Loaded<?> at = lists.get(m.group(1)).get(Integer.parseInt(m.group(2)));
        problem(
            at.file(), at.name(), m.group(3) == null ? "-" : m.group(3), v.value(), v.message());
        return;
      }
      problem("-", "-", path, v.value(), v.message());
    }

    private void locateSoa(String path, Violation v, String file, String name) {
      Matcher m = LISTED.matcher(path);
      if (m.matches() && m.group(1).equals("entries") && !soaEntries.isEmpty()) {
        Loaded<SoaEntry> entry = soaEntries.get(Integer.parseInt(m.group(2)));
        problem(
            entry.file(),
            entry.name(),
            m.group(3) == null ? "-" : m.group(3),
            v.value(),
            v.message());
      } else {
        problem(file, name, path, v.value(), v.message());
      }
    }

    private <T> Optional<Loaded<T>> read(Path p, Class<T> type) {
      String file = dir.relativize(p).toString().replace('\\', '/');
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(p);
      } catch (IOException e) {
        problem(file, "-", "-", "-", "cannot be read: " + e.getMessage());
        return Optional.empty();
      }
      JsonNode tree;
      try {
        tree = AimsJson.mapper().readTree(bytes);
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        problem(
            file,
            "-",
            "-",
            "-",
            (at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
                + "not valid JSON: "
                + firstLine(e.getOriginalMessage()));
        return Optional.empty();
      } catch (IOException e) {
        problem(file, "-", "-", "-", "cannot be read: " + e.getMessage());
        return Optional.empty();
      }
      String name = name(tree, file);
      int before = problems.size();
      Optional<Loaded<T>> loaded = convert(file, name, bytes, tree, type);
      if (problems.size() > before) {
        unreadNames.add(name);
      }
      return loaded;
    }

    private <T> Optional<Loaded<T>> convert(
        String file, String name, byte[] bytes, JsonNode tree, Class<T> type) {
      if (type == JsonNode.class) {
        return Optional.of(new Loaded<>(file, name, type.cast(tree)));
      }
      if (tree == null || !tree.isObject()) {
        problem(file, name, "-", "-", "expected one JSON object holding a " + type.getSimpleName());
        return Optional.empty();
      }
      T record;
      try {
        record = reader(type).readValue(bytes);
      } catch (JsonProcessingException e) {
        jackson(file, name, type, e);
        return Optional.empty();
      } catch (IOException e) {
        problem(file, name, "-", "-", "cannot be read: " + e.getMessage());
        return Optional.empty();
      }
      List<Violation> violations = RecordValidator.violations(record);
      violations.forEach(v -> problem(file, name, v.path(), v.value(), v.message()));
      return violations.isEmpty()
          ? Optional.of(new Loaded<>(file, name, record))
          : Optional.empty();
    }

    private void jackson(String file, String name, Class<?> type, JsonProcessingException e) {
      String where = e instanceof JsonMappingException m ? path(m) : "";
      String field = where.isEmpty() ? "-" : where;
      Throwable cause = e.getCause();
      if (e instanceof ValueInstantiationException && cause instanceof InvalidRecordException ire) {
        for (Violation v : ire.violations()) {
          problem(file, name, join(where, v.path()), v.value(), v.message());
        }
        return;
      }
      if (e instanceof UnrecognizedPropertyException u) {
        problem(
            file,
            name,
            field,
            "-",
            "is not a field of "
                + recordName(u.getReferringClass())
                + "; known fields: "
                + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
        return;
      }
      if (e instanceof InvalidFormatException f) {
        problem(
            file, name, field, "'" + f.getValue() + "'", "is not " + expected(f.getTargetType()));
        return;
      }
      if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
        Matcher m = MISSING.matcher(iae.getMessage());
        if (m.find()) {
          for (String attr : m.group(1).split(",\\s*")) {
            problem(file, name, join(where, attr), "missing", "is required");
          }
          return;
        }
        if (where.endsWith(iae.getMessage())) {
          problem(
              file,
              name,
              field,
              "null",
              "null is not allowed; give a value or leave the field out");
          return;
        }
        problem(file, name, field, "-", iae.getMessage());
        return;
      }
      if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
        problem(file, name, field, found(m), "expected " + expected(m.getTargetType()));
        return;
      }
      problem(file, name, field, "-", firstLine(e.getOriginalMessage()));
    }
  }

  /** Returns the record type's name for a class Jackson reports, which may be its builder. */
  private static String recordName(Class<?> type) {
    Class<?> named =
        type.getSimpleName().equals("Builder") && type.getEnclosingClass() != null
            ? type.getEnclosingClass()
            : type;
    return named.getSimpleName().replaceFirst("^Immutable", "");
  }

  private static ObjectReader reader(Class<?> type) {
    // Numbers are refused for enumerations, so that a typo such as "severity": 3 does not silently
    // pick the fourth constant.
    return AimsJson.mapper().readerFor(type).with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
  }

  private static String name(JsonNode tree, String file) {
    if (tree != null && tree.isObject()) {
      for (String key : List.of("id", "controlId", "name", "organisation")) {
        JsonNode v = tree.get(key);
        if (v != null && v.isTextual()) {
          return v.asText();
        }
      }
      JsonNode system = tree.get("systemId");
      JsonNode on = tree.get("assessedOn");
      if (system != null && system.isTextual()) {
        return system.asText() + (on != null && on.isTextual() ? " " + on.asText() : "");
      }
    }
    return "-";
  }

  private static List<Path> list(Path d) {
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + d, e);
    }
  }

  private static List<Path> jsonFiles(Path d) {
    return list(d).stream()
        .filter(Files::isRegularFile)
        .filter(p -> p.getFileName().toString().endsWith(".json"))
        .toList();
  }

  private static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    return path.equals("(record)") ? prefix : prefix + "." + path;
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String expected(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
    }
    if (type == LocalDate.class) {
      return "a date such as 2026-01-31";
    }
    if (type == Instant.class) {
      return "an instant such as 2026-01-31T09:30:00Z";
    }
    if (type == Period.class) {
      return "a period such as P1Y or P6M";
    }
    if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return type == boolean.class || type == Boolean.class ? "true or false" : "a number";
    }
    if (type == String.class) {
      return "text";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object ("
        + type.getSimpleName().replace("Immutable", "").replace("Builder", "")
        + ")";
  }

  private static String found(MismatchedInputException m) {
    if (m.getProcessor() instanceof JsonParser p && p.currentToken() != null) {
      try {
        return p.currentToken().isScalarValue()
            ? "'" + p.getText() + "'"
            : p.currentToken().asString();
      } catch (IOException e) {
        return "-";
      }
    }
    return "-";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
