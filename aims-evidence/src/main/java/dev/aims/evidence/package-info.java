/**
 * The tamper-evident evidence log that host applications write to on every AI decision, impact
 * assessment and monitoring event (A.6.2.8, A.6.2.6, Clause 9.1), and that auditors verify offline
 * with a public key.
 */
package dev.aims.evidence;
