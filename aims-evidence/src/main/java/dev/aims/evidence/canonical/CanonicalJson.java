package dev.aims.evidence.canonical;

/**
 * RFC 8785 canonical JSON: parses, checks and re-serialises JSON so that equal data always has
 * equal bytes, which is what makes a hash of a record meaningful.
 *
 * <p>Two profiles. {@link #canonicalize(byte[])} is the full RFC 8785 (numbers as IEEE 754 doubles
 * printed the ECMAScript way). The leaf profile, used for every evidence-log record ({@link
 * #canonicalizeStrict(byte[])}, {@link #write(Object)}), additionally rejects any number with a
 * fraction or exponent and any integer beyond ±(2<sup>53</sup>−1), so that no reader in any
 * language rounds a value differently. Both reject duplicate keys, invalid UTF-8, lone surrogates,
 * nesting beyond 512 levels and trailing data.
 *
 * <p>Thread-safe. {@link #write(Object)} reuses a buffer per thread and does not sort maps whose
 * keys already come in order (a {@link java.util.TreeMap} with natural ordering, or a {@link
 * java.util.LinkedHashMap} filled in order), because it runs on every logged decision.
 */
public final class CanonicalJson {
  private static final ThreadLocal<JsonOutput> OUTPUT = ThreadLocal.withInitial(JsonOutput::new);

  private CanonicalJson() {}

  /**
   * Returns the RFC 8785 canonical form of a UTF-8 JSON text.
   *
   * @throws CanonicalJsonException with the byte offset and reason when the input is not valid
   *     JSON, has duplicate keys, or has a number beyond the double range
   */
  public static byte[] canonicalize(byte[] json) {
    return writeTree(JsonReader.read(json, false), true, false);
  }

  /**
   * Returns the canonical form of a UTF-8 JSON text under the leaf profile: RFC 8785, and numbers
   * must be integers within ±(2<sup>53</sup>−1) written without fraction or exponent.
   *
   * @throws CanonicalJsonException with the byte offset and reason
   */
  public static byte[] canonicalizeStrict(byte[] json) {
    return writeTree(JsonReader.read(json, true), false, false);
  }

  /**
   * Returns whether {@code len} bytes of {@code json} from {@code off} are already the canonical
   * form under the leaf profile, that is whether {@link #canonicalizeStrict(byte[])} of them would
   * return the same bytes (and not throw). Checks the bytes in place and allocates nothing; for the
   * reason a text is not canonical, call {@link #canonicalizeStrict(byte[])}.
   *
   * @throws IllegalArgumentException if the range lies outside {@code json}
   */
  public static boolean isCanonicalStrict(byte[] json, int off, int len) {
    return CanonicalCheck.isCanonicalStrict(json, off, len);
  }

  /**
   * Parses a UTF-8 JSON text under the full profile into a tree: {@link java.util.Map} (sorted by
   * key), {@link java.util.List}, {@link String}, {@link Double}, {@link Boolean} or {@code null}.
   *
   * @throws CanonicalJsonException with the byte offset and reason
   */
  public static Object parse(byte[] json) {
    return JsonReader.read(json, false);
  }

  /**
   * Parses a UTF-8 JSON text under the leaf profile into a tree: {@link java.util.Map} (sorted by
   * key), {@link java.util.List}, {@link String}, {@link Long}, {@link Boolean} or {@code null}.
   *
   * @throws CanonicalJsonException with the byte offset and reason
   */
  public static Object parseStrict(byte[] json) {
    return JsonReader.read(json, true);
  }

  /**
   * Writes a tree as canonical JSON under the leaf profile.
   *
   * <p>The tree is made of {@code Map<String, ?>} (any key order; sorted here by UTF-16 code
   * units), {@code List<?>}, {@link String}, {@link Long}, {@link Integer}, {@link Short}, {@link
   * Byte}, {@link java.math.BigInteger} (all within ±(2<sup>53</sup>−1)), {@link Boolean} and
   * {@code null}.
   *
   * @throws CanonicalJsonException naming the path (e.g. {@code $.body.confidence}) and the value
   *     when the tree holds a floating-point number, an integer out of range, a string with a lone
   *     surrogate, a non-String key or an unsupported type
   */
  public static byte[] write(Object tree) {
    return writeTree(tree, false, false);
  }

  /**
   * Writes a tree as {@link #write(Object)} does, for a tree that may hold personal data or
   * secrets: a failure names the path (e.g. {@code $.applicant.income}) and the kind of problem,
   * but never repeats a value.
   *
   * @throws CanonicalJsonException naming the path and what is wrong, without the value
   */
  public static byte[] writeWithheld(Object tree) {
    return writeTree(tree, false, true);
  }

  private static byte[] writeTree(Object tree, boolean allowDouble, boolean withhold) {
    JsonOutput out = OUTPUT.get();
    // A tree whose own methods write canonical JSON (a custom Map, say) must not clobber the
    // thread's buffer half way: such nested calls get a buffer of their own.
    if (out.busy) {
      out = new JsonOutput();
    }
    out.busy = true;
    out.reset();
    try {
      out.value(tree, allowDouble, 0);
      return out.toByteArray();
    } catch (JsonOutput.PathException e) {
      throw e.toPublic(withhold);
    } finally {
      out.busy = false;
    }
  }
}
