package dev.aims.core.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks AIMS records against their declared Jakarta constraints and reports every violation at
 * once.
 *
 * <p>Backed by one Hibernate Validator factory for the whole SDK, built on first use. Thread-safe.
 */
public final class RecordValidator {
  private static final ValidatorFactory FACTORY = buildFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();
  private static final Validator OWN_FIELDS =
      FACTORY.usingContext().traversableResolver(new OwnFields()).getValidator();

  private RecordValidator() {}

  /** Returns every violation of {@code record}, sorted by property path; empty when it is valid. */
  public static List<Violation> violations(Object record) {
    return sorted(VALIDATOR.validate(record));
  }

  /**
   * Returns every violation of the constraints declared on {@code record}'s own fields and on their
   * elements ({@code List<@NotBlank String>}), sorted by property path; does not descend into
   * nested records marked {@code @Valid}.
   *
   * <p>For the {@code @Value.Check} of a value type: its nested values were checked when they were
   * built, and checking them again at every enclosing build would repeat the work once per level.
   */
  public static List<Violation> ownFieldViolations(Object record) {
    return sorted(OWN_FIELDS.validate(record));
  }

  private static List<Violation> sorted(Set<ConstraintViolation<Object>> found) {
    return found.stream()
        .map(RecordValidator::toViolation)
        .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::constraint))
        .toList();
  }

  /**
   * Returns {@code record} when it is valid.
   *
   * @param record the record to check
   * @param description how to name the record in the error, e.g. {@code AiSystem 'credit-scoring'}
   * @throws InvalidRecordException listing every violation when it is not valid
   */
  public static <T> T validate(T record, String description) {
    List<Violation> violations = violations(record);
    if (!violations.isEmpty()) {
      throw new InvalidRecordException(description, violations);
    }
    return record;
  }

  private static Violation toViolation(ConstraintViolation<Object> v) {
    String constraint =
        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    Object value = v.getInvalidValue();
    String text = value instanceof Optional<?> o ? o.map(String::valueOf).orElse("empty") : null;
    if (text == null) {
      text = value == null ? "null" : "'" + value + "'";
    }
    String path = v.getPropertyPath().toString();
    return new Violation(path.isEmpty() ? "(record)" : path, constraint, text, v.getMessage());
  }

  private static ValidatorFactory buildFactory() {
    return Validation.byProvider(HibernateValidator.class)
        .configure()
        .getterPropertySelectionStrategy(new AccessorPropertySelection())
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
  }

  /** Checks every property of the record itself and cascades nowhere. */
  private static final class OwnFields implements TraversableResolver {
    @Override
    public boolean isReachable(
        Object traversableObject,
        Path.Node traversableProperty,
        Class<?> rootBeanType,
        Path pathToTraversableObject,
        ElementType elementType) {
      return true;
    }

    @Override
    public boolean isCascadable(
        Object traversableObject,
        Path.Node traversableProperty,
        Class<?> rootBeanType,
        Path pathToTraversableObject,
        ElementType elementType) {
      return false;
    }
  }
}
