/** The Help menu: diagnostics copied for support and the support bundle. */
package dev.onramp.ui.help;
