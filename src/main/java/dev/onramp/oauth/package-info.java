/**
 * The loopback receiver that catches a consent's redirect, the system browser, landing pages and the
 * https relay's address.
 */
package dev.onramp.oauth;
