package dev.aims.core.soa;

import dev.aims.core.catalog.Catalog;
import java.util.List;

/** Complete statements of applicability for tests. */
final class SoaFixtures {
  private SoaFixtures() {}

  /** Returns one valid entry per Annex A control, every third one excluded. */
  static List<SoaEntry> allAnnexAEntries() {
    List<String> ids = Catalog.standard().controls().stream().map(c -> c.id()).toList();
    return ids.stream()
        .map(
            id ->
                SoaEntry.builder()
                    .controlId(id)
                    .applicable(ids.indexOf(id) % 3 != 0)
                    .justification("reason for " + id)
                    .build())
        .toList();
  }
}
