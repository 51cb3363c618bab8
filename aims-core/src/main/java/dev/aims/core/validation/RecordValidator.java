package dev.aims.core.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
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
  private static final Validator VALIDATOR = buildValidator();

  private RecordValidator() {}

  /** Returns every violation of {@code record}, sorted by property path; empty when it is valid. */
  public static List<Violation> violations(Object record) {
    Set<ConstraintViolation<Object>> found = VALIDATOR.validate(record);
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

  private static Validator buildValidator() {
    ValidatorFactory factory =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .getterPropertySelectionStrategy(new AccessorPropertySelection())
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    return factory.getValidator();
  }
}
