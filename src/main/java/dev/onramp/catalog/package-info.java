/**
 * The bundled provider catalog, connector specifications and business-type recommendations with their
 * reasons.
 */
package dev.onramp.catalog;
