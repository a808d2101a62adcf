/** The JavaFX window: the main window and the one way onto the FX thread; each screen has a package below. */
package dev.onramp.ui;
