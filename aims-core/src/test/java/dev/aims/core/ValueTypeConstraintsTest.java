package dev.aims.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.core.records.AimsRecords;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.ModelVersion;
import dev.aims.core.testing.RecordsGen;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves that every value type of aims-core enforces its declared Jakarta constraints when it is
 * built ("a value that exists is valid").
 *
 * <p>The value types are found by scanning aims-core's classes for accessors that carry a
 * constraint, on the accessor itself or on an element type ({@code List<@NotBlank String>}), so a
 * type added later is checked without being listed here. For each constrained accessor the test
 * takes a valid instance (found in records made by {@link RecordsGen}), breaks that one field
 * through {@code builder().from(valid)}, and requires {@code build()} to throw an {@link
 * InvalidRecordException} that names the field. Where a type's own check already rejects the broken
 * value more precisely (a blank SoA control id is "not an Annex A control"), that violation names
 * the field too and counts.
 */
class ValueTypeConstraintsTest {
  private static final Map<Class<?>, Object> SAMPLES = samples();

  @Test
  void scan_findsTheConstrainedValueTypes() {
    Set<Class<?>> types = constrainedTypes().keySet();
    assertThat(types)
        .contains(AiSystem.class, ModelVersion.class)
        .hasSizeGreaterThanOrEqualTo(38)
        .allSatisfy(t -> assertThat(t.getName()).startsWith("dev.aims.core."));
  }

  @Test
  void everyConstrainedType_hasAValidSampleToBreak() {
    assertThat(constrainedTypes().keySet())
        .as("constrained value types that no generated AimsRecords contains; extend RecordsGen")
        .allSatisfy(t -> assertThat(SAMPLES).containsKey(t));
  }

  @TestFactory
  Stream<DynamicTest> build_rejectsEachBrokenConstraint_namingTheField() {
    List<DynamicTest> tests = new ArrayList<>();
    constrainedTypes()
        .forEach(
            (type, accessors) -> {
              for (Method accessor : accessors) {
                for (Broken broken : brokenValues(accessor)) {
                  tests.add(
                      DynamicTest.dynamicTest(
                          type.getSimpleName()
                              + "."
                              + accessor.getName()
                              + " breaks "
                              + broken.constraint()
                              + " with "
                              + broken.what(),
                          () -> assertRejected(type, accessor, broken)));
                }
              }
            });
    assertThat(tests).hasSizeGreaterThanOrEqualTo(100);
    return tests.stream();
  }

  /** A value that breaks one constraint of an accessor, and the constraint it breaks. */
  private record Broken(Object value, String constraint, String what) {}

  private static void assertRejected(Class<?> type, Method accessor, Broken broken)
      throws ReflectiveOperationException {
    Object sample = SAMPLES.get(type);
    assertThat(sample).as("a valid %s to start from", type.getSimpleName()).isNotNull();
    Object builder = type.getMethod("builder").invoke(null);
    invoke(builder, "from", sample);
    invoke(builder, accessor.getName(), broken.value());
    Throwable thrown;
    try {
      Object built = invoke(builder, "build");
      thrown = null;
      fail("%s was built with %s = %s", type.getSimpleName(), accessor.getName(), built);
    } catch (InvocationTargetException e) {
      thrown = e.getCause();
    }
    assertThat(thrown).isInstanceOf(InvalidRecordException.class);
    List<Violation> violations = ((InvalidRecordException) thrown).violations();
    String field = accessor.getName();
    assertThat(violations)
        .as("violations of %s with %s broken", type.getSimpleName(), field)
        .anySatisfy(
            v ->
                assertThat(v.path())
                    .matches(java.util.regex.Pattern.quote(field) + "([\\[.<].*)?"));
  }

  private static Object invoke(Object target, String name, Object... args)
      throws ReflectiveOperationException {
    for (Method m : target.getClass().getMethods()) {
      if (!m.getName().equals(name) || m.getParameterCount() != args.length) {
        continue;
      }
      Class<?>[] params = m.getParameterTypes();
      boolean fits = true;
      for (int i = 0; i < args.length; i++) {
        fits &= box(params[i]).isInstance(args[i]);
      }
      if (fits) {
        m.setAccessible(true);
        return m.invoke(target, args);
      }
    }
    throw new AssertionError(
        target.getClass().getName() + " has no method " + name + Arrays.toString(args));
  }

  private static Class<?> box(Class<?> type) {
    if (type == int.class) {
      return Integer.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    return type;
  }

  /** Returns one value per constraint of {@code accessor} that breaks it and nothing else. */
  private static List<Broken> brokenValues(Method accessor) {
    List<Broken> broken = new ArrayList<>();
    Class<?> type = accessor.getReturnType();
    for (Annotation a : constraints(accessor.getAnnotations())) {
      if (a instanceof NotBlank) {
        broken.add(new Broken(" ", "NotBlank", "blank"));
      } else if (a instanceof Pattern p) {
        String bad = notMatching(p.regexp());
        broken.add(new Broken(bad, "Pattern", "'" + bad + "'"));
      } else if (a instanceof NotEmpty) {
        broken.add(new Broken(List.of(), "NotEmpty", "empty"));
      } else if (a instanceof PositiveOrZero) {
        Object negative = type == long.class ? (Object) (-1L) : (Object) (-1);
        broken.add(new Broken(negative, "PositiveOrZero", "negative"));
      } else {
        throw new AssertionError("no broken value for " + a + " on " + accessor);
      }
    }
    for (Annotation a : constraints(elementAnnotations(accessor))) {
      String bad;
      if (a instanceof NotBlank) {
        bad = " ";
      } else if (a instanceof Pattern p) {
        bad = notMatching(p.regexp());
      } else {
        throw new AssertionError("no broken element for " + a + " on " + accessor);
      }
      String name = a.annotationType().getSimpleName();
      Object value;
      if (type == Optional.class) {
        value = Optional.of(bad);
      } else if (type == Map.class) {
        value = Map.of(anyKey(accessor), bad);
      } else {
        value = List.of(bad);
      }
      broken.add(new Broken(value, name, "element '" + bad + "'"));
    }
    return broken;
  }

  /** Returns the first constant of the enum that keys the map {@code accessor} returns. */
  private static Object anyKey(Method accessor) {
    AnnotatedParameterizedType map = (AnnotatedParameterizedType) accessor.getAnnotatedReturnType();
    Class<?> key = (Class<?>) map.getAnnotatedActualTypeArguments()[0].getType();
    assertThat(key.isEnum()).as("key of %s is an enum", accessor).isTrue();
    return key.getEnumConstants()[0];
  }

  private static String notMatching(String regexp) {
    for (String candidate : List.of("", " ", "Not An Id!")) {
      if (!candidate.matches(regexp)) {
        return candidate;
      }
    }
    throw new AssertionError("no test value breaks the pattern " + regexp);
  }

  private static Annotation[] elementAnnotations(Method accessor) {
    AnnotatedType returned = accessor.getAnnotatedReturnType();
    if (returned instanceof AnnotatedParameterizedType p) {
      // The elements of a list, set or optional; the values of a map.
      AnnotatedType[] arguments = p.getAnnotatedActualTypeArguments();
      return arguments[arguments.length - 1].getAnnotations();
    }
    return new Annotation[0];
  }

  private static List<Annotation> constraints(Annotation[] annotations) {
    return Arrays.stream(annotations)
        .filter(a -> a.annotationType().getPackageName().equals("jakarta.validation.constraints"))
        .toList();
  }

  /**
   * Returns every public abstract class of aims-core with an accessor that declares a constraint,
   * with those accessors, sorted by name.
   */
  private static Map<Class<?>, List<Method>> constrainedTypes() {
    Map<Class<?>, List<Method>> found = new TreeMap<>(Comparator.comparing(Class::getName));
    for (Class<?> c : coreClasses()) {
      if (!Modifier.isPublic(c.getModifiers()) || !Modifier.isAbstract(c.getModifiers())) {
        continue;
      }
      List<Method> accessors =
          Arrays.stream(c.getDeclaredMethods())
              .filter(m -> m.getParameterCount() == 0)
              .filter(
                  m ->
                      !constraints(m.getAnnotations()).isEmpty()
                          || !constraints(elementAnnotations(m)).isEmpty())
              .sorted(Comparator.comparing(Method::getName))
              .toList();
      if (!accessors.isEmpty()) {
        found.put(c, accessors);
      }
    }
    return found;
  }

  private static List<Class<?>> coreClasses() {
    try {
      Path location =
          Path.of(AimsStyle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        return classesUnder(location);
      }
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return classesUnder(jar.getPath("/"));
      }
    } catch (IOException | URISyntaxException e) {
      throw new AssertionError("cannot list the classes of aims-core", e);
    }
  }

  private static List<Class<?>> classesUnder(Path root) throws IOException {
    Path core = root.resolve("dev/aims/core");
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(core)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.');
        name = name.substring(0, name.length() - ".class".length());
        try {
          classes.add(Class.forName(name, false, AimsStyle.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
          throw new AssertionError("cannot load " + name, e);
        }
      }
    }
    return classes;
  }

  /**
   * Returns one valid instance of each aims-core value type reachable from generated {@link
   * AimsRecords}, keyed by the public abstract type.
   */
  private static Map<Class<?>, Object> samples() {
    Map<Class<?>, Object> samples = new LinkedHashMap<>();
    qt().withFixedSeed(20260301L)
        .withExamples(200)
        .forAll(RecordsGen.aimsRecords())
        .checkAssert(records -> collect(records, samples, new IdentityHashMap<>()));
    return samples;
  }

  private static void collect(Object value, Map<Class<?>, Object> samples, Map<Object, ?> seen) {
    if (value instanceof Optional<?> o) {
      o.ifPresent(v -> collect(v, samples, seen));
      return;
    }
    if (value instanceof Collection<?> c) {
      c.forEach(v -> collect(v, samples, seen));
      return;
    }
    if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> collect(v, samples, seen));
      return;
    }
    Class<?> api = apiType(value.getClass());
    if (api == null || seen.containsKey(value)) {
      return;
    }
    seen.put(value, null);
    samples.putIfAbsent(api, value);
    for (Method m : api.getDeclaredMethods()) {
      if (m.getParameterCount() == 0
          && Modifier.isPublic(m.getModifiers())
          && !Modifier.isStatic(m.getModifiers())
          && m.getReturnType() != void.class) {
        try {
          collect(m.invoke(value), samples, seen);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError("cannot read " + m, e);
        }
      }
    }
  }

  /** Returns the public abstract aims-core type a generated {@code ImmutableX} implements. */
  private static Class<?> apiType(Class<?> c) {
    Class<?> superclass = c.getSuperclass();
    if (c.getSimpleName().startsWith("Immutable")
        && superclass != null
        && superclass.getName().startsWith("dev.aims.core.")
        && Modifier.isAbstract(superclass.getModifiers())) {
      return superclass;
    }
    return null;
  }
}
