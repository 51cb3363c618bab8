package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * The documented information a clause asks for: none, documents to maintain, or records to retain,
 * and what they are.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableDocumentedInformation.class)
@JsonDeserialize(builder = DocumentedInformation.Builder.class)
public abstract class DocumentedInformation {
  DocumentedInformation() {}

  /** Returns whether documents, records or nothing are required. */
  public abstract DocumentedInformationKind kind();

  /** Returns what must be documented or recorded, in our words; empty when the kind is NONE. */
  public abstract List<String> items();

  /** Returns whether the clause requires any documented information. */
  public boolean required() {
    return kind() != DocumentedInformationKind.NONE;
  }

  @Value.Check
  final void check() {
    if ((kind() == DocumentedInformationKind.NONE) != items().isEmpty()) {
      throw new IllegalArgumentException(
          "documentedInformation.items must be empty exactly when kind is NONE, but kind was "
              + kind()
              + " and items were "
              + items());
    }
    for (String item : items()) {
      if (item.isBlank()) {
        throw new IllegalArgumentException("documentedInformation.items has a blank entry");
      }
    }
  }

  /** Returns the value for a clause that requires no documented information. */
  public static DocumentedInformation none() {
    return builder().kind(DocumentedInformationKind.NONE).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DocumentedInformation} values. */
  public static final class Builder extends ImmutableDocumentedInformation.Builder {}
}
