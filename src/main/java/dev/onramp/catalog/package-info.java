/**
 * The bundled provider catalog, connector specifications, provider logos and business-type
 * recommendations with their reasons.
 */
package dev.onramp.catalog;
