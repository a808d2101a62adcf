/** Help → Activity: the audit trail a page at a time, its chain check and its export. */
package dev.onramp.ui.activity;
