/**
 * The connect use case: journaled flows that sign a person in, create, test and store a source, or
 * disconnect one, and their recovery after a crash.
 */
package dev.onramp.connect;
