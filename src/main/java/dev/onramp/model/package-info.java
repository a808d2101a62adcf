/**
 * Records and enums every layer shares: businesses, providers, connections, flows, audit events, the
 * Airbyte settings a business chooses.
 */
package dev.onramp.model;
