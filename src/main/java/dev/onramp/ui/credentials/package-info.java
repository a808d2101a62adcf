/** The typed-credentials dialog: a form from the connector's specification and the flow's progress. */
package dev.onramp.ui.credentials;
