/**
 * One instance of a service fleet that logs into the shared PostgreSQL evidence log: the README's
 * "many instances" snippet, compiled and tested.
 */
package dev.aims.examples.fleet;
