/**
 * The README's quick start, compiled so that it cannot go stale: look a control up in the
 * catalogue, then log one AI decision with human oversight to a signed evidence log.
 */
package dev.aims.examples.quickstart;
