package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.bool;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.pick;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.catalog.AnnexAArea;
import dev.aims.core.catalog.AnnexCObjective;
import dev.aims.core.catalog.ApplicabilityEmphasis;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Clause;
import dev.aims.core.catalog.Control;
import dev.aims.core.catalog.ControlObjective;
import dev.aims.core.catalog.Crosswalk;
import dev.aims.core.catalog.CrosswalkGap;
import dev.aims.core.catalog.CrosswalkLink;
import dev.aims.core.catalog.DocumentedInformation;
import dev.aims.core.catalog.DocumentedInformationKind;
import dev.aims.core.catalog.FrameworkItem;
import dev.aims.core.catalog.LinkRelation;
import dev.aims.core.catalog.RiskSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators of valid {@code dev.aims.core.catalog} values: real entries of {@link
 * Catalog#standard()}, about half of them with their free text (gist, purpose, notes...) replaced
 * by generated text. Ids and the links between entries stay those of the standard, so every value
 * passes its type's checks.
 */
public final class CatalogGen {
  private CatalogGen() {}

  /** Returns one of {@code values}, uniformly. */
  private static <T> T anyOf(RandomnessSource in, List<T> values) {
    return values.get(pick(in, values.size()));
  }

  /** Returns whether to vary the free text of a bundled value (about half the time). */
  private static boolean vary(RandomnessSource in) {
    return bool().generate(in);
  }

  /** Returns {@code min} to {@code max} generated texts. */
  private static List<String> texts(RandomnessSource in, int min, int max) {
    List<String> list = new ArrayList<>();
    int size = min + pick(in, max - min + 1);
    for (int i = 0; i < size; i++) {
      list.add(text().generate(in));
    }
    return list;
  }

  /** Returns valid documented information: no items for NONE, 1 to 3 otherwise. */
  public static Gen<DocumentedInformation> documentedInformation() {
    return in -> {
      DocumentedInformationKind kind = enumValue(DocumentedInformationKind.class).generate(in);
      return DocumentedInformation.builder()
          .kind(kind)
          .items(kind == DocumentedInformationKind.NONE ? List.of() : texts(in, 1, 3))
          .build();
    };
  }

  /**
   * Returns the documented information of the catalogue's clauses, some with their items varied.
   */
  public static Gen<DocumentedInformation> bundledDocumentedInformation() {
    return in -> {
      DocumentedInformation d = anyOf(in, Catalog.standard().clauses()).documentedInformation();
      if (!vary(in) || !d.required()) {
        return d;
      }
      return DocumentedInformation.builder().from(d).items(texts(in, 1, 3)).build();
    };
  }

  /**
   * Returns the catalogue's clauses (headings and leaves), some with a new title, gist or
   * documented information (none for headings, which may not require any).
   */
  public static Gen<Clause> clauses() {
    return in -> {
      Clause c = anyOf(in, Catalog.standard().clauses());
      if (!vary(in)) {
        return c;
      }
      return Clause.builder()
          .from(c)
          .title(text().generate(in))
          .gist(text().generate(in))
          .documentedInformation(
              c.heading() ? DocumentedInformation.none() : documentedInformation().generate(in))
          .build();
    };
  }

  /** Returns the nine Annex A areas, some with a new title and gist. */
  public static Gen<AnnexAArea> areas() {
    return in -> {
      AnnexAArea a = anyOf(in, Catalog.standard().areas());
      return vary(in)
          ? AnnexAArea.builder()
              .from(a)
              .title(text().generate(in))
              .gist(text().generate(in))
              .build()
          : a;
    };
  }

  /** Returns the ten Annex A control objectives, some with a new title and gist. */
  public static Gen<ControlObjective> controlObjectives() {
    return in -> {
      ControlObjective o = anyOf(in, Catalog.standard().controlObjectives());
      return vary(in)
          ? ControlObjective.builder()
              .from(o)
              .title(text().generate(in))
              .gist(text().generate(in))
              .build()
          : o;
    };
  }

  /**
   * Returns the 38 Annex A controls, some with new purpose, requirements, steps, evidence and audit
   * tips (2 to 4 of each, as the control requires).
   */
  public static Gen<Control> controls() {
    return in -> {
      Control c = anyOf(in, Catalog.standard().controls());
      if (!vary(in)) {
        return c;
      }
      return Control.builder()
          .from(c)
          .title(text().generate(in))
          .purpose(text().generate(in))
          .requirements(texts(in, 2, 4))
          .implementationSteps(texts(in, 2, 4))
          .evidence(texts(in, 2, 4))
          .auditTips(texts(in, 2, 4))
          .emphasis(enumValue(ApplicabilityEmphasis.class).generate(in))
          .build();
    };
  }

  /** Returns the eleven Annex C objectives, some with a new title and gist. */
  public static Gen<AnnexCObjective> annexCObjectives() {
    return in -> {
      AnnexCObjective o = anyOf(in, Catalog.standard().annexCObjectives());
      return vary(in)
          ? AnnexCObjective.builder()
              .from(o)
              .title(text().generate(in))
              .gist(text().generate(in))
              .build()
          : o;
    };
  }

  /** Returns the seven Annex C risk sources, some with a new title and gist. */
  public static Gen<RiskSource> riskSources() {
    return in -> {
      RiskSource s = anyOf(in, Catalog.standard().riskSources());
      return vary(in)
          ? RiskSource.builder()
              .from(s)
              .title(text().generate(in))
              .gist(text().generate(in))
              .build()
          : s;
    };
  }

  private static <T> List<T> all(Function<Crosswalk, List<T>> part) {
    List<T> all = new ArrayList<>();
    Catalog.standard().crosswalks().forEach(c -> all.addAll(part.apply(c)));
    return all;
  }

  /** Returns the items of every bundled crosswalk, some with their title and gist varied. */
  public static Gen<FrameworkItem> frameworkItems() {
    List<FrameworkItem> all = all(Crosswalk::targets);
    return in -> {
      FrameworkItem i = anyOf(in, all);
      return vary(in)
          ? FrameworkItem.builder()
              .from(i)
              .title(optional(text()).generate(in))
              .gist(optional(text()).generate(in))
              .build()
          : i;
    };
  }

  /** Returns the links of every bundled crosswalk, some with their note varied or removed. */
  public static Gen<CrosswalkLink> crosswalkLinks() {
    List<CrosswalkLink> all = all(Crosswalk::links);
    return in -> {
      CrosswalkLink l = anyOf(in, all);
      return vary(in)
          ? CrosswalkLink.builder()
              .from(l)
              .note(optional(text()).generate(in))
              .relation(enumValue(LinkRelation.class).generate(in))
              .build()
          : l;
    };
  }

  /** Returns the gaps of every bundled crosswalk, some with a new note. */
  public static Gen<CrosswalkGap> crosswalkGaps() {
    List<CrosswalkGap> all = all(Crosswalk::gaps);
    return in -> {
      CrosswalkGap g = anyOf(in, all);
      return vary(in) ? CrosswalkGap.builder().from(g).note(text().generate(in)).build() : g;
    };
  }

  /**
   * Returns the bundled crosswalks, some with a new provenance and with 0 to 5 of their targets,
   * links and gaps (drawn from the bundled ones, varied) in place of the full lists.
   */
  public static Gen<Crosswalk> crosswalks() {
    return in -> {
      Crosswalk c = anyOf(in, Catalog.standard().crosswalks());
      if (!vary(in)) {
        return c;
      }
      return Crosswalk.builder()
          .from(c)
          .provenance(text().generate(in))
          .targets(listOf(frameworkItems(), 5).generate(in))
          .links(listOf(crosswalkLinks(), 5).generate(in))
          .gaps(listOf(crosswalkGaps(), 5).generate(in))
          .build();
    };
  }
}
