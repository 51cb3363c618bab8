package dev.aims.assessment.soa;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A proposed Statement of Applicability: one {@link ProposedEntry} for each of the 38 Annex A
 * controls, in the standard's order (Clause 6.1.3).
 *
 * <p>A proposal is not the statement the organisation keeps; a person reviews it with {@link
 * #review()} and confirms it. Immutable.
 *
 * @param entries the 38 proposed entries, in the standard's order
 */
public record SoaProposal(List<ProposedEntry> entries) {
  /** Copies the entries and checks that they cover the 38 controls in order. */
  public SoaProposal {
    entries = List.copyOf(entries);
    List<String> expected = Catalog.standard().controls().stream().map(c -> c.id()).toList();
    List<String> given = entries.stream().map(ProposedEntry::controlId).toList();
    if (!given.equals(expected)) {
      throw new IllegalArgumentException(
          "entries must be the 38 Annex A controls in the standard's order, but were " + given);
    }
  }

  /** Returns the proposed entry for {@code controlId} (case ignored), if it is an Annex A id. */
  public Optional<ProposedEntry> entry(String controlId) {
    return Catalog.standard()
        .findControl(controlId)
        .flatMap(c -> entries.stream().filter(e -> e.controlId().equals(c.id())).findFirst());
  }

  /** Returns the entries proposed as applicable. */
  public List<ProposedEntry> applicable() {
    return entries.stream().filter(ProposedEntry::applicable).toList();
  }

  /** Returns the entries proposed as excluded. */
  public List<ProposedEntry> excluded() {
    return entries.stream().filter(e -> !e.applicable()).toList();
  }

  /** Starts a review in which a person confirms or changes this proposal. */
  public SoaReview review() {
    return SoaReview.of(this);
  }

  /**
   * Returns the controls where a kept statement decides applicability differently from this
   * proposal, in the standard's order; an empty list when they agree.
   */
  public List<SoaDifference> differences(StatementOfApplicability kept) {
    List<SoaDifference> out = new ArrayList<>();
    for (ProposedEntry p : entries) {
      Optional<SoaEntry> k = kept.entry(p.controlId());
      if (k.isPresent() && k.get().applicable() != p.applicable()) {
        out.add(
            new SoaDifference(
                p.controlId(), p.applicable(), k.get().applicable(), p.justification()));
      }
    }
    return out;
  }
}
