package dev.aims.cli;

import dev.aims.assessment.risk.RiskRegisterCheck;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.RecordsReader;
import dev.aims.core.validation.InvalidRecordException;
import java.nio.file.Path;

/**
 * Where the commands read AIMS records: a records directory or one JSON file of all the records,
 * through the SDK's one reader ({@link RecordsReader}) with the register's acceptance rule ({@link
 * RiskRegisterCheck#recordsReader()}), so that every command and the audit pack export accept the
 * same records.
 */
final class RecordsDirectory {
  private RecordsDirectory() {}

  /**
   * Reads the records at {@code path}: a records directory, or an {@code AimsRecords} JSON file.
   *
   * @throws InvalidRecordException listing every problem of every file, each naming the file, the
   *     record, the field, the value and the line
   */
  static AimsRecords load(Path path) {
    return RiskRegisterCheck.recordsReader().read(path);
  }
}
