package dev.aims.core.validation;

import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.spi.properties.ConstrainableExecutable;
import org.hibernate.validator.spi.properties.GetterPropertySelectionStrategy;

/**
 * Lets Hibernate Validator see {@code systemId()} as the property {@code systemId}: AIMS value
 * types use accessor-style names, not JavaBeans getters.
 */
final class AccessorPropertySelection implements GetterPropertySelectionStrategy {
  private static final Set<String> NOT_PROPERTIES =
      Set.of("hashCode", "toString", "getClass", "clone", "notify", "notifyAll", "wait", "builder");

  @Override
  public Optional<String> getProperty(ConstrainableExecutable executable) {
    if (executable.getParameterTypes().length != 0
        || executable.getReturnType() == void.class
        || NOT_PROPERTIES.contains(executable.getName())) {
      return Optional.empty();
    }
    return Optional.of(executable.getName());
  }

  @Override
  public java.util.List<String> getGetterMethodNameCandidates(String propertyName) {
    return java.util.List.of(propertyName);
  }
}
