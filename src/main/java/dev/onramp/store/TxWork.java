package dev.onramp.store;

/** Work run inside one transaction. */
@FunctionalInterface
public interface TxWork<T> {
    T run(Tx tx);
}
