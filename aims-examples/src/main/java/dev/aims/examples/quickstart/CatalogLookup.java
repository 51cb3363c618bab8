package dev.aims.examples.quickstart;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Clause;
import dev.aims.core.catalog.Control;
import dev.aims.core.catalog.UnknownIdException;
import java.io.PrintStream;

/** The README's catalogue snippet, compiled: look a control up, with its evidence and links. */
public final class CatalogLookup {
  private CatalogLookup() {}

  /** Prints A.6.2.8 with its evidence and crosswalk links, and the error for an invented id. */
  public static void main(String[] args) {
    print(System.out);
  }

  /** Prints the lookups to {@code out}. */
  public static void print(PrintStream out) {
    // --- README: catalogue ---
    Catalog catalog = Catalog.standard(); // loaded once, immutable, thread-safe
    Control control = catalog.control("a.6.2.8"); // case is ignored
    out.println(control.id() + " " + control.title()); // A.6.2.8 AI system recording of event logs
    control.evidence().forEach(e -> out.println("  evidence: " + e));
    catalog
        .crosswalkLinks(control.id())
        .forEach(
            (framework, links) ->
                links.forEach(
                    l ->
                        out.println(
                            "  "
                                + framework.key()
                                + " "
                                + l.target()
                                + " "
                                + l.relation()
                                + " "
                                + l.basis())));
    Clause operational = catalog.pairedClause("6.1.4").orElseThrow(); // 8.4
    out.println(operational.id() + " " + operational.title());
    try {
      catalog.control("A.6.2.1"); // not in the standard
    } catch (UnknownIdException e) {
      out.println(e.getMessage()); // ... nearest: A.6.2.2, A.6.2.3, A.6.2.4
    }
    // --- README: end ---
  }
}
