package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.bool;
import static dev.aims.core.testing.CommonGen.distinctBy;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.nonEmptyEnumSet;
import static dev.aims.core.testing.CommonGen.slug;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.scope.AimsScope;
import dev.aims.core.scope.ContextIssue;
import dev.aims.core.scope.InterestedParty;
import dev.aims.core.scope.InterestedPartyKind;
import dev.aims.core.scope.IssueType;
import dev.aims.core.scope.PartyRequirement;
import dev.aims.core.system.AiRole;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.scope} values. */
public final class ScopeGen {
  private ScopeGen() {}

  /** Returns valid context issues. */
  public static Gen<ContextIssue> contextIssues() {
    return in ->
        ContextIssue.of(
            enumValue(IssueType.class).generate(in), text().generate(in), bool().generate(in));
  }

  /** Returns valid requirements of interested parties. */
  public static Gen<PartyRequirement> partyRequirements() {
    return in ->
        PartyRequirement.builder()
            .description(text().generate(in))
            .addressedByAims(bool().generate(in))
            .climateChangeRelevant(bool().generate(in))
            .build();
  }

  /** Returns valid interested parties. */
  public static Gen<InterestedParty> interestedParties() {
    return in ->
        InterestedParty.builder()
            .name(text().generate(in))
            .kind(enumValue(InterestedPartyKind.class).generate(in))
            .requirements(listOf(partyRequirements(), 3).generate(in))
            .build();
  }

  /** Returns valid scopes: system ids and party names are distinct. */
  public static Gen<AimsScope> scopes() {
    return in ->
        AimsScope.builder()
            .organisation(text().generate(in))
            .boundaries(text().generate(in))
            .systemIds(distinctBy(listOf(slug(), 4).generate(in), s -> s))
            .exclusions(listOf(text(), 2).generate(in))
            .roles(nonEmptyEnumSet(AiRole.class).generate(in))
            .interestedParties(
                distinctBy(listOf(interestedParties(), 3).generate(in), InterestedParty::name))
            .issues(listOf(contextIssues(), 4).generate(in))
            .build();
  }
}
