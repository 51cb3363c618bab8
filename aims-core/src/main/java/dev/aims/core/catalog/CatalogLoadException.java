package dev.aims.core.catalog;

/**
 * Thrown when the bundled catalogue data cannot be loaded or is inconsistent (for example a
 * crosswalk link to an id that does not exist). The message names the resource and the entry.
 */
public final class CatalogLoadException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where
   */
  public CatalogLoadException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong and where
   * @param cause the underlying failure
   */
  public CatalogLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
