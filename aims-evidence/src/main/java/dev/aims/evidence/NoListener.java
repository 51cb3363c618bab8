package dev.aims.evidence;

/** The listener that does nothing; failures still reach SLF4J. */
enum NoListener implements EvidenceListener {
  INSTANCE
}
