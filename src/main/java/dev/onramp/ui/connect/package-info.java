/** The sign-in dialog: consent in the browser, the fields asked first, and the flow's progress. */
package dev.onramp.ui.connect;
