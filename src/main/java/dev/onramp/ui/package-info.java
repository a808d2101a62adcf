/**
 * The JavaFX window: the main window, the one way onto the FX thread, and the services the views are
 * given.
 */
package dev.onramp.ui;
