/** The Settings screen: which Airbyte the business uses, tested before it is saved. */
package dev.onramp.ui.settings;
