/** The window's light and dark themes: which one applies (System, Light, Dark), the View menu's choice of it. */
package dev.onramp.ui.theme;
