/**
 * The businesses being onboarded and which Airbyte each uses: creating them, their settings, the
 * gateway a business's flows talk to.
 */
package dev.onramp.business;
