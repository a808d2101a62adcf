/**
 * What a business's onboarding has reached, as one immutable value built from the stored connections and its
 * recommended providers, and that value as plain text, JSON and PDF; never a secret.
 */
package dev.onramp.connect.summary;
