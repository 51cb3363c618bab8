/**
 * The ISO/IEC 42001:2023 catalogue as data: clauses 4 to 10, the Annex A areas, objectives and 38
 * controls, Annex C, key terms in our own words, and crosswalks to other frameworks.
 *
 * <p>Start at {@link dev.aims.core.catalog.Catalog#standard()}; lookups by id ignore case and
 * reject ids that are not in the standard with the nearest real ones, and ids of another kind (a
 * control objective asked for as a control) with what they are and what to ask for instead.
 *
 * <p>{@link dev.aims.core.catalog.CatalogPages} renders the catalogue's pages as plain text.
 */
package dev.aims.core.catalog;
