package dev.aims.audit.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The manifest of an audit pack: the SHA-256 digest and size of every other file in the pack, as
 * the text of a C2SP signed note signed with the log's key.
 *
 * <p>Text format, one line each, paths relative to the pack with {@code /} separators, sorted:
 *
 * <pre>
 * aims-audit-pack 1
 * origin example.com/credit-scoring
 * sha256:&lt;64 hex&gt; &lt;size&gt; &lt;path&gt;
 * </pre>
 */
final class PackManifest {
  /** The manifest's file name at the root of the pack. */
  static final String FILE = "MANIFEST";

  /** The first line of every manifest. */
  static final String HEADER = "aims-audit-pack 1";

  /** One listed file. */
  record Entry(String digest, long size, String path) {}

  private PackManifest() {}

  /** Lists every regular file under {@code pack} except the manifest, sorted by path. */
  static List<String> files(Path pack) throws IOException {
    try (Stream<Path> s = Files.walk(pack)) {
      return s.filter(Files::isRegularFile)
          .map(p -> pack.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.equals(FILE))
          .sorted()
          .toList();
    }
  }

  /** Returns the manifest text for the files now in {@code pack}. */
  static String text(Path pack, String origin) throws IOException {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    sb.append("origin ").append(origin).append('\n');
    for (String f : files(pack)) {
      Path p = pack.resolve(f);
      sb.append(digest(p)).append(' ').append(Files.size(p)).append(' ').append(f).append('\n');
    }
    return sb.toString();
  }

  /**
   * Parses manifest text into its entries by path.
   *
   * @throws IllegalArgumentException naming the line that is not in the format
   */
  static Map<String, Entry> parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 2 || !lines[0].equals(HEADER)) {
      throw new IllegalArgumentException(
          "manifest must start with '" + HEADER + "', was '" + lines[0] + "'");
    }
    Map<String, Entry> out = new LinkedHashMap<>();
    for (int i = 2; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] parts = lines[i].split(" ", 3);
      if (parts.length != 3
          || !parts[0].matches("sha256:[0-9a-f]{64}")
          || !parts[1].matches("[0-9]{1,18}")) {
        throw new IllegalArgumentException(
            "manifest line "
                + (i + 1)
                + " is not 'sha256:<hex> <size> <path>': '"
                + lines[i]
                + "'");
      }
      out.put(parts[2], new Entry(parts[0], Long.parseLong(parts[1]), parts[2]));
    }
    return out;
  }

  /** Returns the origin line's value, or an empty string when absent. */
  static String origin(String text) {
    String[] lines = text.split("\n", 3);
    return lines.length > 1 && lines[1].startsWith("origin ") ? lines[1].substring(7) : "";
  }

  /** Returns {@code sha256:} and the hex SHA-256 of the file's bytes, read as a stream. */
  static String digest(Path file) throws IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return "sha256:" + HexFormat.of().formatHex(md.digest());
  }

  /** Returns {@code sha256:} and the hex SHA-256 of a string's UTF-8 bytes. */
  static String digest(String text) {
    return "sha256:"
        + HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> unlisted(Path pack, Map<String, Entry> entries) throws IOException {
    List<String> out = new ArrayList<>();
    for (String f : files(pack)) {
      if (!entries.containsKey(f)) {
        out.add(f);
      }
    }
    return out;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
