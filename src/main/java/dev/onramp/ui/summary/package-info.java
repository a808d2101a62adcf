/** The Summary dialog: a business's onboarding summary, its export as PDF or JSON, and a copy as text. */
package dev.onramp.ui.summary;
