/**
 * The JSON binding of AIMS records: one preconfigured Jackson {@link
 * com.fasterxml.jackson.databind.ObjectMapper} that every module and tool uses, so that records
 * read and written anywhere in the SDK have the same shape.
 */
package dev.aims.core.json;
