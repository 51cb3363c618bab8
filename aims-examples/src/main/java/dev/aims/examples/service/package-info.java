/**
 * A plain Java service that decides credit applications with a model, sends borderline cases to a
 * human reviewer, and logs every decision with its human oversight as evidence (A.6.2.8, A.9.2).
 */
package dev.aims.examples.service;
