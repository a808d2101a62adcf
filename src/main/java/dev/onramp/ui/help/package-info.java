/** The Help menu: the user guide opened from the data folder, diagnostics copied for support and the support bundle. */
package dev.onramp.ui.help;
