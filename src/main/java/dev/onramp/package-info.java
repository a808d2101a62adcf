/**
 * Launchers (Main, the JavaFX application, the window's start-up) and the composition root
 * (AppContext) that builds every service once.
 */
package dev.onramp;
