/**
 * The H2 database and Flyway, repositories, the vault and its key in the system's key store, the flow
 * journal and the tamper-evident audit log.
 */
package dev.onramp.store;
