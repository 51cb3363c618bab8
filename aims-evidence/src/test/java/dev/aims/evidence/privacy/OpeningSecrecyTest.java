package dev.aims.evidence.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aims.evidence.canonical.CanonicalJsonException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opening store is owner-only on disk, and neither openings nor failed commitments print the
 * salt or the value.
 */
class OpeningSecrecyTest {
  @TempDir Path dir;

  /** Skips on a file system without POSIX modes, except in CI, where a skip would hide a test. */
  @BeforeEach
  void posixOnly() throws Exception {
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertThat(posix).as("CI=true but %s has no POSIX file modes", dir).isTrue();
    }
    assumeTrue(posix, "no POSIX file modes");
  }

  private String permissions(Path p) throws Exception {
    return PosixFilePermissions.toString(
        Files.getFileAttributeView(p, PosixFileAttributeView.class).readAttributes().permissions());
  }

  @Test
  void open_createsTheDirectoryAndFileOwnerOnly() throws Exception {
    try (OpeningStore store = OpeningStore.open(dir)) {
      store.commit("Jane Doe");
      store.sync();
    }
    assertThat(permissions(dir.resolve("private"))).isEqualTo("rwx------");
    assertThat(permissions(dir.resolve("private").resolve("openings.data"))).isEqualTo("rw-------");
  }

  @Test
  void open_refusesAFileOthersCanRead_namingThePathPermissionsAndTheFix() throws Exception {
    try (OpeningStore store = OpeningStore.open(dir)) {
      store.commit("Jane Doe");
    }
    Path file = dir.resolve("private").resolve("openings.data");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Throwable t = catchThrowable(() -> OpeningStore.open(dir).close());
    assertThat(t)
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage(
            file
                + ": the opening store (salts and personal values) must be owner-only, but its"
                + " file has permissions rw-r--r--; run: chmod 600 "
                + file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    OpeningStore.open(dir).close();
  }

  @Test
  void open_refusesADirectoryOthersCanEnter() throws Exception {
    Path priv = Files.createDirectory(dir.resolve("private"));
    Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rwxr-xr-x"));
    Throwable t = catchThrowable(() -> OpeningStore.open(dir).close());
    assertThat(t)
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining(priv.toString())
        .hasMessageContaining("has permissions rwxr-xr-x; run: chmod 700 " + priv);
    assertThat(Files.exists(priv.resolve("openings.data"))).isFalse();
  }

  @Test
  void openingAndStoreToString_neverShowSaltOrValue() throws Exception {
    Opening o = Opening.create("Jane Doe, 1980-01-01");
    String salt = HexFormat.of().formatHex(o.salt());
    for (String text : List.of(o.toString(), o.commitment().toString())) {
      assertThat(text).doesNotContain("Jane").doesNotContain(salt);
    }
    try (OpeningStore store = OpeningStore.open(dir)) {
      store.put(o.commitment(), o);
      assertThat(store.toString()).doesNotContain("Jane");
    }
  }

  @Test
  void commit_ofAValueThatIsNotJson_namesThePathButNeverTheValue() {
    Throwable t =
        catchThrowable(
            () -> OpeningStore.inMemory().commit(Map.of("income", 51234.75, "name", "Jane")));
    assertThat(t)
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageContaining("$.income")
        .hasMessageNotContaining("51234");
    Throwable big = catchThrowable(() -> Opening.create(Map.of("id", 9_007_199_254_740_993L)));
    assertThat(big).hasMessageNotContaining("9007199254740993");
    Throwable surrogate = catchThrowable(() -> Opening.create(List.of("Jane\uD800")));
    assertThat(surrogate).hasMessageContaining("$[0]").hasMessageNotContaining("Jane");
  }

  @Test
  void commit_ofNull_isRefusedNamingTheParameter() {
    assertThat(catchThrowable(() -> OpeningStore.inMemory().commit(null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("value must not be null");
    assertThat(catchThrowable(() -> Opening.create(null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("value");
  }

  @Test
  void commitment_ofAMistakenValue_doesNotRepeatIt() {
    Throwable t = catchThrowable(() -> Commitment.parse("Jane Doe"));
    assertThat(t).hasMessageNotContaining("Jane");
    Throwable u = catchThrowable(() -> new Commitment("Jane Doe"));
    assertThat(u).hasMessageNotContaining("Jane");
  }
}
