package dev.aims.core.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.core.audit.AuditProgramme;
import dev.aims.core.audit.AuditReport;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Control;
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
import dev.aims.core.review.ManagementReview;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.supplier.SupplierAssessment;
import dev.aims.core.system.AiSystem;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import dev.aims.core.validation.Violation.Location;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads AIMS records from JSON: a records directory (one record per file), one file holding all the
 * records (an {@link AimsRecords}, as an audit pack's {@code records/aims-records.json}), or a
 * single record of a given type. The one way the SDK reads records, so that every reader applies
 * the same rules.
 *
 * <p>A records directory is laid out as follows (every part optional):
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
 * is not skipped silently.
 *
 * <p>Every problem of every file is collected before failing: bad JSON (with line and column), an
 * unknown field, a value of another JSON type than the field's (nothing is coerced: {@code 4.7} or
 * {@code "4"} is not a likelihood of 4), a missing or null field, a broken rule or constraint of a
 * record, references between records that do not resolve ({@link
 * AimsRecords#consistencyProblems()}), and whatever the {@linkplain Builder#check checks} added to
 * the reader find. The failure is one {@link InvalidRecordException} whose {@linkplain
 * InvalidRecordException#violations() violations} each name the file, the record, the field (as a
 * path inside the record), the value found, and the line and column. Instances are immutable and
 * thread-safe.
 */
public final class RecordsReader {
  /** The name of the statement file inside a {@code soa/} folder. */
  public static final String SOA_STATEMENT = "statement.json";

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

  private static final List<String> TOP_LEVEL_FILES =
      List.of("organisation.json", "scope.json", "soa.json");

  private static final Pattern LISTED = Pattern.compile("([A-Za-z]+)\\[(\\d+)\\](?:\\.(.+))?");

  /** The fields of a file of all the records, as {@link AimsRecords} is written; made on use. */
  private static final class RecordsFields {
    static final List<String> NAMES = names();

    private static List<String> names() {
      List<String> names = new ArrayList<>();
      AimsJson.newMapper()
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .valueToTree(AimsRecords.empty())
          .fieldNames()
          .forEachRemaining(names::add);
      return List.copyOf(names);
    }
  }

  private static final RecordsReader STANDARD = new RecordsReader(List.of());

  private final List<Function<AimsRecords, List<Violation>>> checks;

  private RecordsReader(List<Function<AimsRecords, List<Violation>>> checks) {
    this.checks = List.copyOf(checks);
  }

  /** Returns a reader with the SDK's own checks only. */
  public static RecordsReader standard() {
    return STANDARD;
  }

  /** Returns a builder for a reader with further checks of the records read. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RecordsReader}. */
  public static final class Builder {
    private final List<Function<AimsRecords, List<Violation>>> checks = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a check of the records as a whole, run after they were read, whose violations are
     * reported with the others, located in the file of the record their path names (e.g. {@code
     * risks[2].acceptance.approvedBy}). A check is skipped when the organisation's facts could not
     * be read, since the records would be judged against defaults that do not hold.
     */
    public Builder check(Function<AimsRecords, List<Violation>> check) {
      checks.add(Objects.requireNonNull(check, "check"));
      return this;
    }

    /** Returns the reader. */
    public RecordsReader build() {
      return new RecordsReader(checks);
    }
  }

  /**
   * Reads the records at {@code path}: a records directory, or one JSON file holding an {@link
   * AimsRecords}.
   *
   * @throws InvalidRecordException listing every problem found, when there is any, including a path
   *     that does not exist or cannot be read
   */
  public AimsRecords read(Path path) {
    Objects.requireNonNull(path, "path");
    if (Files.isDirectory(path)) {
      return readDirectory(path);
    }
    return readFile(path);
  }

  /**
   * Reads a records directory.
   *
   * @throws InvalidRecordException listing every problem of every file, when there is any
   */
  public AimsRecords readDirectory(Path dir) {
    Objects.requireNonNull(dir, "dir");
    Reading reading = new Reading(dir);
    if (!Files.isDirectory(dir)) {
      reading.problem(
          dir.toString(),
          "-",
          Files.exists(dir)
              ? "is a file, not a records directory (read a file of all the records with"
                  + " read(Path))"
              : "no such directory; expected a records directory");
      throw reading.failure("records directory " + dir);
    }
    AimsRecords.Builder records = AimsRecords.builder();
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
      if (!reading.unreadNames.contains(unquote(v.value()))) {
        reading.locate(v, lists, soa);
      }
    }
    // Checks are judged only when the organisation's facts are known: with a broken
    // organisation.json the defaults would stand in and report problems that are not there.
    if (organisation.isPresent() || !Files.exists(dir.resolve("organisation.json"))) {
      for (Function<AimsRecords, List<Violation>> check : checks) {
        for (Violation v : check.apply(built)) {
          reading.locate(v, lists, soa);
        }
      }
    }
    if (reading.failed()) {
      throw reading.failure("records directory " + dir);
    }
    return built;
  }

  /**
   * Reads one JSON file holding all the records (an {@link AimsRecords}).
   *
   * @throws InvalidRecordException listing every problem of the file, when there is any
   */
  public AimsRecords readFile(Path file) {
    Objects.requireNonNull(file, "file");
    String name = file.toString();
    JsonRecordFile.Result<AimsRecords> result =
        JsonRecordFile.read(
            name,
            bytes(file, "records", "an AimsRecords JSON file or a records directory"),
            AimsRecords.class);
    Optional<JsonNode> tree = result.tree();
    if (tree.isPresent() && tree.get().isObject() && tree.get().size() > 0) {
      List<String> fields = new ArrayList<>();
      tree.get().fieldNames().forEachRemaining(fields::add);
      if (fields.stream().noneMatch(RecordsFields.NAMES::contains)) {
        throw new InvalidRecordException(
            "records file " + file,
            List.of(
                new Violation(
                    "-",
                    "Type",
                    "-",
                    "holds none of the fields of all the records "
                        + RecordsFields.NAMES
                        + " (found "
                        + fields.stream().limit(5).toList()
                        + "); give the records directory, or one JSON file of all the records"
                        + " (an AimsRecords, as an audit pack's records/aims-records.json)",
                    new Location(file.toString(), result.name(), 1, 1))));
      }
    }
    List<Violation> problems = new ArrayList<>(result.problems());
    Optional<AimsRecords> partial = result.partial();
    if (partial.isPresent()) {
      AimsRecords built = partial.get();
      Set<String> unread = result.unreadNames();
      for (Violation v : built.consistencyProblems()) {
        if (!unread.contains(unquote(v.value()))) {
          problems.add(result.locate(v));
        }
      }
      boolean organisationRead =
          built.organisation().isPresent()
              || result.tree().map(t -> !t.has("organisation")).orElse(true);
      if (organisationRead) {
        for (Function<AimsRecords, List<Violation>> check : checks) {
          check.apply(built).forEach(v -> problems.add(result.locate(v)));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRecordException("records file " + file, problems);
    }
    return partial.orElseThrow();
  }

  /**
   * Reads one record of {@code type} (an {@link AiSystem}, an {@link ImpactAssessment}, ...) from
   * {@code file}. The record's constraints are those its {@code build()} enforces, as every SDK
   * record type does.
   *
   * @throws InvalidRecordException listing every problem of the file, when there is any
   */
  public <T> T readRecord(Path file, Class<T> type) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(type, "type");
    String what = JsonRecordFile.recordName(type);
    JsonRecordFile.Result<T> result =
        JsonRecordFile.read(
            file.toString(),
            bytes(file, what + " file", "a JSON file holding " + JsonRecordFile.article(what)),
            type);
    if (!result.problems().isEmpty()) {
      throw new InvalidRecordException(what + " file " + file, result.problems());
    }
    return result.record().orElseThrow();
  }

  /** Reads a whole file, or fails with a violation that says what was expected there. */
  private static byte[] bytes(Path file, String what, String expected) {
    String why;
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      why = "no such file; expected " + expected;
    } catch (AccessDeniedException e) {
      why = "cannot be read: permission denied";
    } catch (IOException e) {
      why =
          Files.isDirectory(file)
              ? "is a directory; expected " + expected
              : "cannot be read: " + e.getMessage();
    }
    throw new InvalidRecordException(
        what + " " + file,
        List.of(new Violation("-", "Read", "-", why, new Location(file.toString(), "-", 0, 0))));
  }

  private static String unquote(String value) {
    return value.replaceAll("^'|'$", "");
  }

  private record Folder<T>(
      String name, String list, Class<T> type, BiConsumer<AimsRecords.Builder, List<T>> put) {}

  /** A record read from a file, with the file (relative) and the record's name. */
  private record Loaded<T>(String file, String name, T record, JsonRecordFile.Result<T> result) {}

  /** The state of one directory read: the directory and the problems found so far. */
  private static final class Reading {
    private final Path dir;
    private final List<Violation> problems = new ArrayList<>();
    private final Set<String> unreadNames = new HashSet<>();
    private List<Loaded<SoaEntry>> soaEntries = List.of();

    Reading(Path dir) {
      this.dir = dir;
    }

    boolean failed() {
      return !problems.isEmpty();
    }

    InvalidRecordException failure(String what) {
      return new InvalidRecordException(what, problems);
    }

    void problem(String file, String field, String message) {
      problem(file, "-", field, "-", message);
    }

    void problem(String file, String record, String field, String value, String message) {
      problems.add(
          new Violation(field, "Layout", value, message, new Location(file, record, 0, 0)));
    }

    void checkNames() {
      List<String> known = new ArrayList<>();
      FOLDERS.forEach(f -> known.add(f.name()));
      known.addAll(List.of("audits", "soa"));
      for (Path p : list(dir)) {
        String name = p.getFileName().toString();
        if (Files.isDirectory(p) && !known.contains(name)) {
          problem(
              name + "/",
              "-",
              "unknown folder; known folders: " + known.stream().sorted().toList());
        } else if (!Files.isDirectory(p)
            && name.endsWith(".json")
            && !TOP_LEVEL_FILES.contains(name)) {
          problem(name, "-", "unknown file; top-level files: " + TOP_LEVEL_FILES);
        }
      }
      if (Files.exists(dir.resolve("soa.json")) && Files.isDirectory(dir.resolve("soa"))) {
        problem("soa.json", "-", "keep the SoA either in soa.json or in soa/, not both");
      }
    }

    <T> Optional<Loaded<T>> one(String file, Class<T> type) {
      Path p = dir.resolve(file);
      return Files.isRegularFile(p) ? read(p, type) : Optional.empty();
    }

    <T> List<Loaded<?>> folder(
        Folder<T> folder, AimsRecords.Builder records, Predicate<String> take) {
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
      List<String> order = Catalog.standard().controls().stream().map(Control::id).toList();
      entries.sort(
          Comparator.comparingInt(
              (Loaded<SoaEntry> e) -> {
                int i = order.indexOf(e.record().controlId());
                return i < 0 ? Integer.MAX_VALUE : i;
              }));
      soaEntries = List.copyOf(entries);
      if (!Files.isRegularFile(statement)) {
        problem(
            statementFile,
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
                } catch (DateTimeParseException e) {
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
        return Optional.of(new Loaded<>(statementFile, name, b.build(), null));
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

    /** Maps a problem of the records as a whole to the file that holds the record it names. */
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
        String field = m.group(3) == null ? "-" : m.group(3);
        Violation inRecord = new Violation(field, v.constraint(), v.value(), v.message());
        problems.add(
            at.result() == null
                ? inRecord.at(new Location(at.file(), at.name(), 0, 0))
                : at.result().locate(inRecord));
        return;
      }
      problem("-", "-", path, v.value(), v.message());
    }

    private void locateSoa(String path, Violation v, String file, String name) {
      Matcher m = LISTED.matcher(path);
      if (m.matches() && m.group(1).equals("entries") && !soaEntries.isEmpty()) {
        Loaded<SoaEntry> entry = soaEntries.get(Integer.parseInt(m.group(2)));
        String field = m.group(3) == null ? "-" : m.group(3);
        problems.add(
            entry.result().locate(new Violation(field, v.constraint(), v.value(), v.message())));
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
        problem(file, "-", "cannot be read: " + e.getMessage());
        return Optional.empty();
      }
      if (type == JsonNode.class) {
        JsonRecordFile.Result<JsonNode> tree = JsonRecordFile.read(file, bytes, JsonNode.class);
        problems.addAll(tree.problems());
        return tree.tree()
            .filter(t -> tree.problems().isEmpty())
            .map(t -> new Loaded<>(file, tree.name(), type.cast(t), null));
      }
      JsonRecordFile.Result<T> result = JsonRecordFile.read(file, bytes, type);
      problems.addAll(result.problems());
      if (!result.problems().isEmpty()) {
        unreadNames.add(result.name());
      }
      return result.record().map(r -> new Loaded<>(file, result.name(), r, result));
    }
  }

  private static List<Path> list(Path d) {
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new InvalidRecordException(
          d.toString(),
          List.of(
              new Violation(
                  "-",
                  "Read",
                  "-",
                  "cannot list the folder: " + e.getMessage(),
                  new Location(d.toString(), "-", 0, 0))));
    }
  }

  private static List<Path> jsonFiles(Path d) {
    return list(d).stream()
        .filter(Files::isRegularFile)
        .filter(p -> p.getFileName().toString().endsWith(".json"))
        .toList();
  }
}
