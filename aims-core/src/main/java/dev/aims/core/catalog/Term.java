package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A key term of an AI management system, explained in our own words (never the standard's
 * definition), with the clauses and controls where it matters.
 *
 * <p>Terms of Clause 3 carry their number ({@link #clause3Id()}, 3.1 to 3.26); Clause 3 sets no
 * requirements, so these numbers are not {@link Clause} ids. Every id in {@link #relatesTo()} is
 * checked against the catalogue when it loads.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableTerm.class)
@JsonDeserialize(builder = Term.Builder.class)
public abstract class Term {
  static final String CLAUSE_3_ID_PATTERN = "3\\.(?:[1-9]|1[0-9]|2[0-6])";

  Term() {}

  /** Returns the term as the standard or common usage spells it, e.g. {@code interested party}. */
  public abstract String term();

  /** Returns abbreviations and other names for the same thing, e.g. {@code AISIA}. */
  public abstract List<String> aliases();

  /** Returns where the term is defined. */
  public abstract TermOrigin origin();

  /** Returns the term's number in Clause 3 (e.g. {@code 3.24}) when it is defined there. */
  public abstract Optional<String> clause3Id();

  /** Returns what the term means for an AI management system, in our own words. */
  public abstract String explanation();

  /** Returns the clauses and Annex A controls where the term matters most, clauses first. */
  public abstract List<String> relatesTo();

  /** Returns the term followed by its aliases: every name it can be looked up by. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    names.add(term());
    names.addAll(aliases());
    return List.copyOf(names);
  }

  @Value.Check
  final void check() {
    String owner = "term '" + term() + "'";
    Checks.text(owner, "term", term());
    Checks.text(owner, "explanation", explanation());
    Checks.texts(owner, "relatesTo", relatesTo(), 1, 8);
    for (int i = 0; i < aliases().size(); i++) {
      Checks.text(owner, "aliases[" + i + "]", aliases().get(i));
    }
    if (clause3Id().isPresent() != (origin() == TermOrigin.CLAUSE_3)) {
      throw new IllegalArgumentException(
          owner
              + ": clause3Id is required exactly when origin is CLAUSE_3, but origin is "
              + origin()
              + " and clause3Id is "
              + clause3Id().orElse("absent"));
    }
    clause3Id().ifPresent(id -> Checks.id(owner, id, CLAUSE_3_ID_PATTERN));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Term} values. */
  public static final class Builder extends ImmutableTerm.Builder {}
}
