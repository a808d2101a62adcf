/**
 * The words a person reads: the resource bundles {@code dev/onramp/messages*.properties}, the locale
 * they are read in, and {@link dev.onramp.text.Text}, a sentence as a key and its arguments that any
 * layer can return and the window or the command line renders.
 */
package dev.onramp.text;
