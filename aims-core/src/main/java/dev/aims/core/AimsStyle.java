package dev.aims.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every AIMS value type.
 *
 * <p>The abstract class is the API; the generated {@code ImmutableX} stays package-private and is
 * reached through {@code X.builder()}. Generated code uses only the JDK, copies no annotation but
 * {@link Override}, and reports a missing mandatory attribute as an {@link
 * IllegalArgumentException} naming the attribute.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allowedClasspathAnnotations = Override.class,
    throwForInvalidImmutableState = IllegalArgumentException.class,
    throwForNullPointer = IllegalArgumentException.class,
    defaults = @Value.Immutable(copy = true))
public @interface AimsStyle {}
