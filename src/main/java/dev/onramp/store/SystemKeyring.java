package dev.onramp.store;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One operating-system key store holding one secret for one Onramp data folder. Every method answers
 * within a few seconds or throws {@link KeyringUnavailableException} with what a person can do about it.
 */
interface SystemKeyring {
    /** Checks that the store answers and is unlocked, without reading or writing any secret. */
    void probe();

    /** This data folder's secret, if the store holds one. */
    Optional<byte[]> load();

    /** Stores this data folder's secret, replacing any earlier one. */
    void save(byte[] secret);

    /** Removes this data folder's secret; true when there was one, false (and no error) when there was none. */
    boolean delete();

    /** True when the store keeps the secret inside the data folder (wrapped), so it goes with the folder. */
    default boolean insideDataFolder() {
        return false;
    }

    /** Where the secret is, as words for a sentence in any language, e.g. "the Secret Service (…): item …". */
    Text described();

    /** {@link #described()} in English, for logs and the files Onramp writes. */
    default String description() {
        return Messages.english().render(described());
    }

    /**
     * Runs {@code work} on a virtual thread and gives up after {@code timeout}, so a key store that hangs
     * (a D-Bus that accepts but never answers, a tool waiting on a dialog) cannot hang Onramp's start.
     */
    static <T> T within(Duration timeout, Text store, Callable<T> work) {
        // A plain thread, not an executor: closing an executor would wait for the very call that hangs.
        FutureTask<T> result = new FutureTask<>(work);
        Thread.ofVirtual().name("onramp-keyring").start(result);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new KeyringUnavailableException(Text.of("store.keyring.noAnswerWithin", store, timeout.toSeconds()), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException known) {
                throw known;
            }
            throw new KeyringUnavailableException(Text.of("store.keyring.failed", store,
                    String.valueOf(e.getCause().getMessage())), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new KeyringUnavailableException(Text.of("store.keyring.interrupted", store), e);
        }
    }
}
