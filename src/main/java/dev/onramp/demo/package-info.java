/**
 * The embedded Airbyte simulator: both APIs over real HTTP, local consent pages, and the providers'
 * quirks and faults, sharing only the wire with Onramp.
 */
package dev.onramp.demo;
