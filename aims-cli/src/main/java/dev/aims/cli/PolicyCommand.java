package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.policy.PolicyDraft;
import dev.aims.assessment.policy.PolicyGenerator;
import dev.aims.core.policy.PolicyKind;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code aims policy NAME DIR}: generates one of the seven core policies as Markdown from a records
 * directory, with its document-control block and seven sections.
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a core AI policy as Markdown from the records: ai-policy (5.2), risk-management"
          + " (6.1), acceptable-use (A.9), data-governance (A.7), incident-management (A.8.4),"
          + " lifecycle (A.6), supplier-management (A.10).",
      "A kept policy of that kind (policies/) supplies the document control; otherwise the draft"
          + " takes effect on --date and is reviewed a year later."
    })
public final class PolicyCommand extends RecordsDirectoryCommand {
  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description =
          "ai-policy, risk-management, acceptable-use, data-governance, incident-management,"
              + " lifecycle or supplier-management.")
  String name;

  @Parameters(
      index = "1",
      paramLabel = "DIR",
      description =
          "The records directory, or one JSON file of all the records (as an audit pack's"
              + " records/aims-records.json).")
  Path dir;

  @Override
  Path directory() {
    return dir;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    PolicyKind kind = PolicyKind.of(name);
    PolicyDraft draft = PolicyGenerator.generate(kind, records(), day());
    if (json) {
      printJson(draft);
    } else {
      out().print(draft.markdown());
      out().flush();
    }
    return 0;
  }
}
