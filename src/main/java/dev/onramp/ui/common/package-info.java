/**
 * What the screens share: the services the window is given, the phases of the connect dialogs, the
 * progress row, failure messages, provider logos, styles and converters, and the announcer that tells screen
 * readers of a window's status changes.
 */
package dev.onramp.ui.common;
