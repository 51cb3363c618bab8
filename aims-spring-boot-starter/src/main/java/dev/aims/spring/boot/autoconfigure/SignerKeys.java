package dev.aims.spring.boot.autoconfigure;

import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.spring.boot.EvidenceConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;

/**
 * Reads the signer key of {@code aims.evidence.signer-key}: a .skey file as {@code aims keygen}
 * writes it, a resource location, or the key text itself. No message ever repeats the key, nor a
 * property value that may be one.
 */
final class SignerKeys {
  static final String PROPERTY = "aims.evidence.signer-key";
  static final String PREVIOUS = "aims.evidence.previous-signer-key";
  private static final String SIGNER_PREFIX = "PRIVATE+KEY+";
  // Base64 of 32 bytes or more: a value of this shape may be key material.
  private static final Pattern KEY_MATERIAL = Pattern.compile("[A-Za-z0-9+/=_-]{43,}");
  private static final String KEYGEN =
      "Set aims.evidence.signer-key to the .skey file of the key that signs the log's checkpoints;"
          + " 'aims keygen --name ORIGIN --out DIR' writes one (keep it owner-only, rw-------).";

  private SignerKeys() {}

  static NoteSigner read(String value, ResourceLoader loader) {
    if (value == null || value.isBlank()) {
      throw new EvidenceConfigurationException(
          PROPERTY, null, true, "the log needs the key that signs its checkpoints", KEYGEN, null);
    }
    return read(PROPERTY, value, loader);
  }

  /**
   * Reads the signer key that {@code property} names by {@code value}: a file, a resource location
   * or the key text.
   */
  static NoteSigner read(String property, String value, ResourceLoader loader) {
    String v = value.strip();
    if (isKeyText(v)) {
      return parse(property, v, value, false);
    }
    boolean shown = shown(v);
    Resource resource = ResourceUtils.isUrl(v) ? loader.getResource(v) : new FileSystemResource(v);
    String text;
    try {
      if (!resource.exists()) {
        throw new EvidenceConfigurationException(
            property, value, shown, "no such signer key file", KEYGEN, null);
      }
      if (resource.isFile() && resource.getFile().isDirectory()) {
        throw new EvidenceConfigurationException(
            property, value, shown, "is a directory, not a signer key file", KEYGEN, null);
      }
      text = resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EvidenceConfigurationException(
          property,
          value,
          shown,
          "cannot read the signer key file: " + reason(e),
          "Make the file readable by the application's user (and by no one else).",
          e);
    }
    return parse(property, text, value, shown);
  }

  private static boolean isKeyText(String value) {
    return value.regionMatches(true, 0, SIGNER_PREFIX, 0, SIGNER_PREFIX.length());
  }

  /** Returns whether a value of the property may be repeated: false if it may be key material. */
  static boolean shown(String value) {
    String v = value.strip();
    return !isKeyText(v) && !KEY_MATERIAL.matcher(v).matches();
  }

  private static NoteSigner parse(String property, String text, String value, boolean shown) {
    try {
      return NoteSigner.parse(text);
    } catch (NoteException | IllegalArgumentException e) {
      // NoteSigner's messages never repeat the key text; the cause is left out all the same.
      throw new EvidenceConfigurationException(
          property,
          value,
          shown,
          "not a signer key: " + e.getMessage(),
          "Point "
              + property
              + " at the .skey file (PRIVATE+KEY+...) that 'aims keygen'"
              + " wrote, not at the .vkey file or another file.",
          null);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
