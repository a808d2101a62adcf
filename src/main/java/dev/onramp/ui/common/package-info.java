/** Small pieces the screens share: failure messages, the progress row, styles and converters. */
package dev.onramp.ui.common;
