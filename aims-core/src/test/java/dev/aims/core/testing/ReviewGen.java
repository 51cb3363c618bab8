package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.date;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.onOrAfter;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.recordId;
import static dev.aims.core.testing.CommonGen.setOf;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.review.DecisionKind;
import dev.aims.core.review.ManagementReview;
import dev.aims.core.review.ReviewDecision;
import dev.aims.core.review.ReviewInput;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.review} values. */
public final class ReviewGen {
  private ReviewGen() {}

  /** Returns valid decisions due on or after {@code reviewDate}. */
  public static Gen<ReviewDecision> decisions(LocalDate reviewDate) {
    return in ->
        ReviewDecision.builder()
            .kind(enumValue(DecisionKind.class).generate(in))
            .description(text().generate(in))
            .owner(optional(text()).generate(in))
            .dueDate(optional(onOrAfter(reviewDate, 180)).generate(in))
            .build();
  }

  /** Returns valid management reviews covering any subset of the Clause 9.3.2 inputs. */
  public static Gen<ManagementReview> reviews() {
    return in -> {
      LocalDate date = date().generate(in);
      Map<ReviewInput, String> inputs = new LinkedHashMap<>();
      for (ReviewInput input : setOf(enumValue(ReviewInput.class), 9).generate(in)) {
        inputs.put(input, text().generate(in));
      }
      return ManagementReview.builder()
          .id(recordId().generate(in))
          .date(date)
          .chair(text().generate(in))
          .addAttendees(text().generate(in))
          .addAllAttendees(listOf(text(), 3).generate(in))
          .inputs(inputs)
          .decisions(listOf(decisions(date), 3).generate(in))
          .minutesReference(optional(text()).generate(in))
          .build();
    };
  }
}
