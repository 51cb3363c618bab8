package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.CatalogPages;
import dev.aims.core.catalog.CatalogViews.AnnexC;
import dev.aims.core.catalog.CatalogViews.ClauseView;
import dev.aims.core.catalog.CatalogViews.ControlView;
import dev.aims.core.catalog.CatalogViews.Listing;
import dev.aims.core.catalog.Clause;
import dev.aims.core.catalog.Control;
import dev.aims.core.catalog.Crosswalk;
import dev.aims.core.catalog.Framework;
import dev.aims.core.catalog.UnknownIdException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aims catalog}: browse the ISO/IEC 42001:2023 catalogue. Without options it lists the
 * clauses and the Annex A controls; {@code --control}, {@code --clause}, {@code --annex-c}, {@code
 * --terms} and {@code --crosswalk} show one part, and {@code --json} prints any of them as JSON. An
 * id that is not in the standard ends the command with exit code 2 and a message naming the nearest
 * ids; an id of another kind (a control objective given to {@code --control}, a Clause 3 term given
 * to {@code --clause}) gets a message saying what it is and the command to use instead.
 */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = {
      "Browse the ISO/IEC 42001:2023 catalogue: Clauses 4-10, the Annex A controls with our"
          + " implementation and audit guidance, Annex C, and crosswalks to other frameworks.",
      "Ids ignore case (a.6.2.8 works); ids not in the standard are rejected with the nearest"
          + " real ones."
    })
public final class CatalogCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true)
  Selection selection = new Selection();

  @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
  boolean json;

  /** The crosswalk keys, in the order of {@link Framework}, for the help text. */
  static final class FrameworkKeys implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Framework.values()).map(Framework::key).iterator();
    }
  }

  /** At most one part of the catalogue is shown at a time. */
  static final class Selection {
    @Option(
        names = "--control",
        paramLabel = "ID",
        description = "Show one Annex A control, e.g. A.6.2.8.")
    String control;

    @Option(names = "--clause", paramLabel = "ID", description = "Show one clause, e.g. 6.1.4.")
    String clause;

    @Option(
        names = "--crosswalk",
        paramLabel = "FRAMEWORK",
        completionCandidates = FrameworkKeys.class,
        description = "Show a crosswalk: ${COMPLETION-CANDIDATES}.")
    String crosswalk;

    @Option(names = "--annex-c", description = "List the Annex C objectives and risk sources.")
    boolean annexC;

    @Option(
        names = "--terms",
        description =
            "Explain the key terms (Clause 3 and others such as AIMS, AI provider, human"
                + " oversight) in our own words, with the clauses and controls they matter in.")
    boolean terms;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    Catalog catalog = Catalog.standard();
    try {
      return show(catalog, spec.commandLine().getOut());
    } catch (UnknownIdException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("aims catalog: " + e.getMessage());
      insteadHint(catalog, e).ifPresent(err::println);
      err.flush();
      return 2;
    }
  }

  /**
   * For an id that names another kind of entry, the command that shows what to ask for instead; an
   * unknown id's message already names the nearest ids.
   */
  static Optional<String> insteadHint(Catalog catalog, UnknownIdException e) {
    if (e.knownAs().isEmpty() || e.suggestions().isEmpty()) {
      return Optional.empty();
    }
    String first = e.suggestions().get(0);
    String command;
    if (catalog.isControl(first)) {
      command = "aims catalog --control " + first;
    } else if (catalog.isClause(first)) {
      command = "aims catalog --clause " + first;
    } else {
      command = "aims catalog --annex-c";
    }
    return Optional.of(
        (e.suggestions().size() == 1 ? "show it with: " : "show one with: ")
            + command
            + (e.knownAs().get().equals("Clause 3 term")
                ? "; the terms are explained by: aims catalog --terms"
                : ""));
  }

  private int show(Catalog catalog, PrintWriter out) throws JsonProcessingException {
    if (selection.control != null) {
      Control control = catalog.control(selection.control);
      show(out, ControlView.of(catalog, control), CatalogPages.control(catalog, control));
    } else if (selection.clause != null) {
      Clause clause = catalog.clause(selection.clause);
      show(out, ClauseView.of(catalog, clause), CatalogPages.clause(catalog, clause));
    } else if (selection.crosswalk != null) {
      Crosswalk crosswalk = catalog.crosswalk(selection.crosswalk);
      show(out, crosswalk, CatalogPages.crosswalk(catalog, crosswalk));
    } else if (selection.annexC) {
      show(out, AnnexC.of(catalog), CatalogPages.annexC(catalog));
    } else if (selection.terms) {
      show(out, Map.of("terms", catalog.terms()), CatalogPages.terms(catalog));
    } else {
      show(
          out,
          Listing.of(catalog),
          CatalogPages.listing(catalog)
              + "Show one: aims catalog --control A.6.2.8 | --clause 6.1.4 | --annex-c | --terms\n"
              + "Crosswalks: aims catalog --crosswalk "
              + String.join(" | ", new FrameworkKeys()));
    }
    out.flush();
    return 0;
  }

  /** Prints the part as JSON with {@code --json}, else its text page. */
  private void show(PrintWriter out, Object json, String page) throws JsonProcessingException {
    if (this.json) {
      RecordsDirectoryCommand.printJson(out, json);
    } else {
      // Line by line, so that the lines end as this platform's do.
      page.lines().forEach(out::println);
    }
  }
}
