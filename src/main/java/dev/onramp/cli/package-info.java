/**
 * The command line (picocli): every command drives the services the window uses, plus the maintenance
 * tools for the data folder.
 */
package dev.onramp.cli;
