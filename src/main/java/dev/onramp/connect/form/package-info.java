/**
 * Credential forms generated from a connector's JSON Schema specification, and the checks of the
 * values typed into them.
 */
package dev.onramp.connect.form;
