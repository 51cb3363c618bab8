/**
 * The vocabulary shared by every AIMS SDK module: the ISO/IEC 42001:2023 catalogue and the
 * immutable value types of AIMS records.
 *
 * <p>This root package holds only {@link dev.aims.core.AimsStyle}, the one Immutables style of the
 * project; the records and the catalogue live in the sub-packages named after their concern.
 */
package dev.aims.core;
