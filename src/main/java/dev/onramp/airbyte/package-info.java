/**
 * The Airbyte port (AirbyteGateway, with its sealed SignIn and SourceUpdate) and its adapters for the Config API and
 * the public API, with retries and typed errors.
 */
package dev.onramp.airbyte;
