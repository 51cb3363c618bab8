package dev.aims.benchmarks.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.aims.benchmarks.sample.DecisionEvent;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The plain tamper-evident baseline: each decision serialised by Jackson, chained with SHA-256 and
 * written through a buffered stream.
 *
 * <p>Each line of the file is {@code JSON TAB hex(h)} with {@code h = SHA-256(h_prev || JSON)} and
 * {@code h_prev} 32 zero bytes for the first line. Any change to a line breaks its hash and every
 * later one, but, unlike a Merkle tree, the chain has no proof of inclusion shorter than the chain
 * itself and cannot show that its newest lines were not cut off. Nothing is fsynced: data reaches
 * the disk when the operating system writes it back.
 */
public final class HashChainLog implements RecordSink {
  private static final HexFormat HEX = HexFormat.of();

  private final ObjectWriter writer = BaselineJson.writer();
  private final MessageDigest sha256 = sha256();
  private final OutputStream out;
  private final byte[] hexLine = new byte[64 + 2];
  private byte[] previous = new byte[32];

  /**
   * Creates (or truncates) the chain file.
   *
   * @throws UncheckedIOException when the file cannot be created
   */
  public HashChainLog(Path file) {
    try {
      out =
          new BufferedOutputStream(
              Files.newOutputStream(
                  file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING),
              64 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create hash chain file " + file, e);
    }
    hexLine[0] = '\t';
    hexLine[hexLine.length - 1] = '\n';
  }

  @Override
  public synchronized void append(DecisionEvent event) {
    byte[] json;
    try {
      json = writer.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise decision " + event, e);
    }
    sha256.update(previous);
    sha256.update(json);
    previous = sha256.digest();
    for (int i = 0; i < 32; i++) {
      int b = previous[i] & 0xff;
      hexLine[1 + 2 * i] = (byte) Character.forDigit(b >>> 4, 16);
      hexLine[2 + 2 * i] = (byte) Character.forDigit(b & 0xf, 16);
    }
    try {
      out.write(json);
      out.write(hexLine);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the hash chain file", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the hash chain file", e);
    }
  }

  /**
   * Checks a chain file written by this class.
   *
   * @return the number of records, all of which verified
   * @throws IllegalStateException naming the first line whose hash does not match or which is
   *     malformed
   * @throws UncheckedIOException when the file cannot be read
   */
  public static long verify(Path file) {
    MessageDigest sha256 = sha256();
    byte[] previous = new byte[32];
    long line = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        int tab = text.lastIndexOf('\t');
        if (tab < 0 || text.length() - tab - 1 != 64) {
          throw new IllegalStateException(
              "hash chain " + file + " line " + line + ": no tab-separated SHA-256 at its end");
        }
        sha256.update(previous);
        sha256.update(text.substring(0, tab).getBytes(StandardCharsets.UTF_8));
        previous = sha256.digest();
        // Compared as the exact lowercase hex the writer wrote: parsing would accept 'A' for 'a',
        // and a changed byte would then go unnoticed.
        if (!text.regionMatches(tab + 1, HEX.formatHex(previous), 0, 64)) {
          throw new IllegalStateException(
              "hash chain " + file + " line " + line + ": hash does not match the chain");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read hash chain file " + file, e);
    }
    return line;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
