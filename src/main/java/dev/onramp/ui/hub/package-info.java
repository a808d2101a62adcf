/** The hub: the business chooser, a tile per recommended provider and the dialogs opened from it. */
package dev.onramp.ui.hub;
