package dev.aims.core.catalog;

/**
 * One of the 38 Annex A controls.
 *
 * @param id the control id, e.g. {@code A.6.2.8}
 * @param title the exact title in the standard
 */
public record Control(String id, String title) {}
