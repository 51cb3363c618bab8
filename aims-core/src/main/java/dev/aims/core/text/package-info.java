/**
 * Plain-text helpers shared by the SDK's text renderings (the catalogue pages here, the analyses'
 * terminal reports in aims-audit), so that every page wraps text the same way.
 */
package dev.aims.core.text;
