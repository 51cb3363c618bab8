/**
 * The ISO/IEC 42001:2023 catalogue as data: clauses 4 to 10, the Annex A areas, objectives and 38
 * controls, Annex C, and crosswalks to other frameworks.
 *
 * <p>Start at {@link dev.aims.core.catalog.Catalog#standard()}; lookups by id ignore case and
 * reject ids that are not in the standard with the nearest real ones.
 */
package dev.aims.core.catalog;
