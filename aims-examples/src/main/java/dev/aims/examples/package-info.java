/**
 * Runnable examples of host applications using the AIMS SDK. The README quick start is compiled
 * here so that it cannot go stale.
 */
package dev.aims.examples;
