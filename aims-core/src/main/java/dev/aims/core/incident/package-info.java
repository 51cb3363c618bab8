/**
 * The AI incident log: what happened with which AI system, when it happened and was detected, how
 * severe it is, who was affected and notified (A.8.4), and the nonconformity it led to.
 *
 * <p>Incidents are management records; the evidence log in {@code aims-evidence} keeps the
 * tamper-evident trail of the events behind them.
 */
package dev.aims.core.incident;
