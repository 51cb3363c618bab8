package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.scope.ScopeStatement;
import picocli.CommandLine.Command;

/**
 * {@code aims scope DIR}: the scope statement of the AI management system (Clause 4.3) drawn from a
 * records directory, as Markdown or, with {@code --json}, as JSON.
 */
@Command(
    name = "scope",
    mixinStandardHelpOptions = true,
    description = {
      "Scope statement of the AIMS (Clause 4.3) as Markdown: boundaries, the organisation's roles,"
          + " the AI systems in scope with their interfaces and dependencies, exclusions with"
          + " their justification, interested parties and their requirements, the issues"
          + " considered, and open points.",
      "--date draws it from the records as of that day."
    })
public final class ScopeCommand extends RecordsDirectoryCommand.OfDirectory {

  @Override
  public Integer call() throws JsonProcessingException {
    ScopeStatement s = ScopeStatement.of(records(), day());
    if (json) {
      printJson(s);
    } else {
      out().print(s.markdown());
      out().flush();
    }
    return 0;
  }
}
