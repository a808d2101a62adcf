package dev.onramp.connect;

import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.CheckResult;
import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowKind;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.StreamInfo;
import dev.onramp.model.TenantId;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.oauth.CallbackResult;
import dev.onramp.oauth.CallbackTimeoutException;
import dev.onramp.oauth.ConsentUrls;
import dev.onramp.oauth.LoopbackReceiver;
import dev.onramp.oauth.RedirectPortsBusyException;
import dev.onramp.store.StoreException;
import dev.onramp.store.Tx;
import dev.onramp.text.Messages;
import dev.onramp.text.Said;
import dev.onramp.text.Text;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery every journaled flow shares: its outcome and cancel, its journal steps, the wait
 * for the browser, and its one recorded end, which deletes a source the flow created but did not store.
 *
 * <p>A subclass writes its own {@link #steps()}; it ends early by throwing a {@link FlowEnd}. Only a
 * flow that calls {@link #creating} before creating a source ever deletes one, so a reconnect, which
 * works on a source it does not own, never does.
 */
abstract class FlowRun implements ConnectFlow {
    private static final Logger LOG = LoggerFactory.getLogger(FlowRun.class);

    protected final FlowId id;
    protected final TenantId tenantId;
    protected final String providerId;
    protected final ConnectListener listener;
    protected final FlowStores stores;
    private final CompletableFuture<ConnectOutcome> outcome = new CompletableFuture<>();
    private final AtomicReference<Text> cancelled = new AtomicReference<>();
    private final AtomicReference<LoopbackReceiver> receiver = new AtomicReference<>();
    /** The consent link while the flow waits for its answer; null otherwise. */
    private final AtomicReference<URI> waitingLink = new AtomicReference<>();
    private volatile BrowserLauncher browser;
    private volatile String providerName;
    private Optional<FlowState> journaled = Optional.empty();
    private Optional<Creation> creation = Optional.empty();
    private Optional<String> sourceId = Optional.empty();
    /** True once a create's answer was lost: Airbyte may have made (or still be making) the source. */
    private boolean createAnswerLost;

    FlowRun(FlowId id, TenantId tenantId, String providerId, String providerName, ConnectListener listener,
            FlowStores stores) {
        this.id = id;
        this.tenantId = tenantId;
        this.providerId = providerId;
        this.providerName = providerName;
        this.listener = listener;
        this.stores = stores;
    }

    /** The browser's answer to a consent, and the redirect URL it came back to. */
    record Consent(URI consentUrl, URI redirect, CallbackResult callback) {
        /**
         * What {@code complete_oauth} is given, as Airbyte's own web app gives it: the consent URL's
         * query parameters with the callback's over them, since some providers drop parameters on the
         * way back (and declarative connectors fail without their {@code state}).
         */
        Map<String, String> completionParameters() {
            Map<String, String> merged = new LinkedHashMap<>(ConsentUrls.parameters(consentUrl));
            merged.putAll(callback.params());
            return merged;
        }
    }

    /** Where the flow asked Airbyte to create a source. */
    private record Creation(AirbyteGateway airbyte, String workspace) {}

    @Override
    public final FlowId id() {
        return id;
    }

    @Override
    public final CompletableFuture<ConnectOutcome> outcome() {
        return outcome;
    }

    @Override
    public final void cancel() {
        cancel(cancelledMessage());
    }

    /** Cancels with the sentence the flow's end will show; the first reason given wins. */
    final void cancel(Text why) {
        cancelled.compareAndSet(null, why);
        LoopbackReceiver waiting = receiver.get();
        if (waiting != null) {
            waiting.cancel();
        }
    }

    final TenantId tenantId() {
        return tenantId;
    }

    final String providerId() {
        return providerId;
    }

    /** The provider's name once the flow knows it (its id until then), for the sentences it shows. */
    final String providerName() {
        return providerName;
    }

    /** Runs the steps to their outcome; whatever goes wrong becomes a recorded end, never an exception. */
    final void execute() {
        ConnectOutcome result;
        try {
            result = steps();
        } catch (FlowEnd end) {
            result = end(end.state(), end.text(), end.retryable());
        } catch (AirbyteException | StoreException | InvalidInputException e) {
            result = end(FlowState.FAILED, ((Said) e).text());
        } catch (RuntimeException e) {
            LOG.error("Flow {} failed unexpectedly while {}", id, Messages.english().render(doing()), e);
            result = end(FlowState.FAILED, Text.of("connect.flow.unexpected", doing(), e.getClass().getSimpleName()));
        }
        outcome.complete(result);
    }

    /** The flow's own steps, from the journal's start to the stored connection. */
    protected abstract ConnectOutcome steps();

    /** Words that name the flow in its audit entries, e.g. {@code provider=stripe auth=credentials}. */
    protected abstract String auditSubject();

    /** What the flow is doing, for the sentence about an unexpected failure ("connecting Stripe"). */
    protected Text doing() {
        return Text.of("connect.flow.connecting", providerName);
    }

    protected Text cancelledMessage() {
        return Text.of("connect.flow.cancelled", providerName);
    }

    /** What to do after the browser gave no answer in time. */
    protected Text timedOutAdvice() {
        return Text.of("connect.flow.connectAgain");
    }

    /** The first word of the audit actions of the flow's end ({@code connect.cancelled}, …). */
    protected String auditPrefix() {
        return "connect";
    }

    protected String auditResource() {
        return "flow/" + id;
    }

    /** The text as it may be shown and recorded; a flow that knows secrets the person typed hides them. */
    protected String hidden(String text) {
        return text;
    }

    /** The sentence with {@link #hidden(String)} applied to every word it quotes. */
    protected final Text hidden(Text text) {
        return text.mapWords(this::hidden);
    }

    protected final void named(Provider provider) {
        providerName = provider.name();
    }

    /**
     * The stored connection this flow works on (a reconnect's), recorded in its journal row so that a
     * disconnect of the same connection sees it; empty for a flow that makes a new connection.
     */
    protected Optional<ConnectionId> existingConnection() {
        return Optional.empty();
    }

    /**
     * Called in the transaction that records the flow, before its row is written: a flow on an
     * existing connection locks that connection's row here and ends the flow (a {@link FlowEnd}) when
     * another flow stands in its way.
     */
    protected void claim(Tx tx) {}

    /** Records the flow in the journal as STARTED. */
    protected final void journalStart() {
        Instant now = stores.clock().instant();
        stores.db().inTransaction(tx -> {
            claim(tx);
            stores.journal().start(tx, tenantId, new FlowRecord(id, tenantId, providerId, FlowState.STARTED,
                    Optional.empty(), Optional.empty(), now, now, FlowKind.CONNECT, existingConnection()));
            return null;
        });
        journaled = Optional.of(FlowState.STARTED);
    }

    /** Moves the journal to {@code state} (with the created source, if any) before the next remote call. */
    protected final void advance(FlowState state) {
        stores.db().inTransaction(tx -> {
            stores.journal().advance(tx, tenantId, id, state, sourceId, Optional.empty());
            return null;
        });
        journaled = Optional.of(state);
    }

    protected final void checkCancelled() {
        if (cancelled.get() != null) {
            throw cancelledEnd();
        }
    }

    /** Says the flow is about to ask {@code airbyte} for a source: an end finds it even if the answer is lost. */
    protected final void creating(AirbyteGateway airbyte, String workspace) {
        creation = Optional.of(new Creation(airbyte, workspace));
    }

    /**
     * Runs {@code call}, the request that creates the source (after {@link #creating}), and returns
     * its id; when its answer is lost (a timeout, a connection broken after sending), the flow's end
     * looks for the source by its marker and, finding none yet, leaves the look to the next start.
     */
    protected final String create(Supplier<String> call) {
        try {
            return call.get();
        } catch (AirbyteException e) {
            if (e.answerMayBeLost()) {
                createAnswerLost = true;
            }
            throw e;
        }
    }

    /** The Airbyte and workspace the source is being made in (see {@link #creating}). */
    protected final AirbyteLocation createdIn() {
        Creation made = creation.orElseThrow(() -> new IllegalStateException("No source is being created"));
        return new AirbyteLocation(made.airbyte().address(), Optional.of(made.workspace()));
    }

    /** Records the source Airbyte created, so that an end before it is stored deletes it. */
    protected final void created(String source) {
        sourceId = Optional.of(source);
        advance(FlowState.SOURCE_CREATED);
    }

    /**
     * Tests the created source and lists its streams, checking for a cancel after each; a failed
     * test ends the flow with the sentence {@code failure} makes of what Airbyte said.
     */
    protected final List<String> testAndDiscover(AirbyteGateway airbyte, String source, Function<Text, Text> failure) {
        listener.onStep(ConnectStep.TESTING);
        CheckResult check = airbyte.checkConnection(source);
        if (!check.succeeded()) {
            throw new FlowEnd(FlowState.FAILED, failure.apply(check.text()));
        }
        advance(FlowState.TESTED);
        checkCancelled();

        listener.onStep(ConnectStep.DISCOVERING);
        List<String> streams = airbyte.discoverStreams(source).stream().map(StreamInfo::name).toList();
        checkCancelled();
        return streams;
    }

    /** In one transaction: {@code write} the connection, journal STORED and write the flow's one audit entry. */
    protected final void recordStored(Consumer<Tx> write, String action, String resource, String details) {
        stores.db().inTransaction(tx -> {
            write.accept(tx);
            stores.journal().advance(tx, tenantId, id, FlowState.STORED, Optional.empty(), Optional.empty());
            stores.audit().append(tx, tenantId, stores.actor(), action, resource, details);
            return null;
        });
    }

    @Override
    public final boolean openConsentAgain() {
        URI link = waitingLink.get();
        BrowserLauncher launcher = browser;
        return link != null && launcher != null && launcher.open(link);
    }

    /**
     * Opens a loopback receiver, shows the consent link {@code consentLink} makes for it, and waits
     * for the browser's answer; the receiver's port is closed when this returns. A refusal ends the flow.
     */
    protected final Consent awaitConsent(Provider provider, SignInParts parts,
            Function<LoopbackReceiver, URI> consentLink) {
        URI redirect;
        URI consentUrl;
        CallbackResult callback;
        try (LoopbackReceiver waiting = openReceiver(parts)) {
            receiver.set(waiting);
            checkCancelled();
            redirect = waiting.redirectUri();
            consentUrl = consentLink.apply(waiting);
            advance(FlowState.AWAITING_CONSENT);
            listener.onStep(ConnectStep.WAITING_FOR_CONSENT);
            waitingLink.set(consentUrl);
            browser = parts.browser();
            listener.onConsentUrl(consentUrl, parts.browser().open(consentUrl));
            listener.onConsentDeadline(stores.clock().instant().plus(parts.consentTimeout()));
            callback = await(waiting, parts.consentTimeout());
        } finally {
            waitingLink.set(null);
            receiver.set(null);
        }
        if (callback.error().isPresent()) {
            throw SignInSteps.refused(provider, callback.error().get());
        }
        listener.onStep(ConnectStep.AUTHORIZING);
        return new Consent(consentUrl, redirect, callback);
    }

    /** The flow's wait on the business's redirect; a range whose every port is taken ends the flow. */
    private LoopbackReceiver openReceiver(SignInParts parts) {
        try {
            return parts.redirects().open(parts.redirectOf().apply(tenantId), parts.consentTimeout());
        } catch (RedirectPortsBusyException e) {
            throw new FlowEnd(FlowState.FAILED, e.text());
        }
    }

    private CallbackResult await(LoopbackReceiver waiting, Duration timeout) {
        try {
            return waiting.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelledEnd();
        } catch (CancellationException e) {
            throw cancelledEnd();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CallbackTimeoutException) {
                throw new FlowEnd(FlowState.TIMED_OUT, Text.of("connect.flow.noAnswer", minutes(timeout), timedOutAdvice()));
            }
            if (e.getCause() instanceof CancellationException) {
                throw cancelledEnd();
            }
            throw new IllegalStateException("The loopback receiver failed", e.getCause());
        }
    }

    private FlowEnd cancelledEnd() {
        Text why = cancelled.get();
        return new FlowEnd(FlowState.CANCELLED, why != null ? why : cancelledMessage());
    }

    /**
     * Ends the flow: deletes the source it created, journals the end and writes its one audit
     * entry. When Airbyte cannot be asked to delete it, the journal keeps the flow unfinished with
     * the reason, and the next start's recovery deletes it and writes the entry.
     */
    private ConnectOutcome end(FlowState state, Text reason) {
        return end(state, reason, true);
    }

    /** The journal and the audit entry keep the sentence in English; the outcome carries it to be said. */
    private ConnectOutcome end(FlowState state, Text reason, boolean retryable) {
        Text shown = hidden(reason);
        String message = Messages.english().render(shown);
        String undone;
        try {
            undone = creation.isEmpty() ? "" : SourceUndo.undo(creation.get().airbyte(), id, sourceId, true,
                    Optional.of(creation.get().workspace()));
        } catch (AirbyteException e) {
            LOG.warn("Flow {} could not undo its work in Airbyte yet: {}", id, hidden(e.getMessage()));
            keepForRecovery(message);
            return new ConnectOutcome.Ended(id, state, shown, retryable);
        }
        if (undone.isEmpty() && sourceId.isEmpty() && createAnswerLost) {
            // Airbyte may still be making the source: the journal keeps the flow unfinished, so that
            // the next start's recovery looks for it by its marker once more and deletes it.
            keepForRecovery(message);
            return new ConnectOutcome.Ended(id, state, Text.of("connect.flow.mayStillBeMaking", shown), retryable);
        }
        String details = auditSubject() + " state=" + state + undone + ": " + message;
        try {
            stores.db().inTransaction(tx -> {
                if (journaled.isPresent()) {
                    stores.journal().advance(tx, tenantId, id, state, Optional.empty(), Optional.of(message));
                }
                stores.audit().append(tx, tenantId, stores.actor(), auditAction(state), auditResource(), details);
                return null;
            });
        } catch (StoreException e) {
            LOG.error("Flow {} ended ({}) but the end could not be recorded: {}", id, state, e.getMessage());
        }
        return new ConnectOutcome.Ended(id, state, shown, retryable);
    }

    private void keepForRecovery(String message) {
        if (journaled.isEmpty()) {
            return;
        }
        try {
            stores.db().inTransaction(tx -> {
                stores.journal().advance(tx, tenantId, id, journaled.get(), Optional.empty(), Optional.of(message));
                return null;
            });
        } catch (StoreException e) {
            LOG.error("Flow {} could not record why it stopped: {}", id, e.getMessage());
        }
    }

    private String auditAction(FlowState state) {
        return auditPrefix() + switch (state) {
            case CANCELLED -> ".cancelled";
            case TIMED_OUT -> ".timed-out";
            default -> ".failed";
        };
    }

    static Text minutes(Duration timeout) {
        long minutes = timeout.toMinutes();
        return minutes >= 1 ? Text.of("connect.minutes", minutes) : Text.of("airbyte.seconds", timeout.toSeconds());
    }
}
