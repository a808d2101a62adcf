/** The window's language: which one it speaks (the system's, or one Onramp ships), the View menu's choice of it. */
package dev.onramp.ui.language;
