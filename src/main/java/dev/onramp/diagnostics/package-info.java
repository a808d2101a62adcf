/** The doctor's checks, the clipboard summary, the support bundle and logging with secrets redacted. */
package dev.onramp.diagnostics;
