package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulated Airbyte and providers remember about authorizations: consents waiting for a
 * decision (by state), codes waiting to be redeemed, and the tokens they turned into. The tokens and
 * which of them were revoked are kept across restarts (a source's configuration holds them); consents
 * and codes live minutes and are not.
 */
final class OAuthLedger implements KeptState {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** A consent URL handed out and not yet decided on. */
    record PendingConsent(String state, DemoConnector connector, String workspaceId, URI redirectUrl, String clientId) {}

    /** What a code was issued for. */
    record Grant(String definitionId, String workspaceId, String redirectUrl) {}

    private final SecureRandom random;
    private final Map<String, PendingConsent> pending = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> tokenDefinitions = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    OAuthLedger(SecureRandom random) {
        this.random = random;
    }

    /** Registers a consent and returns its state: 7 letters, as Airbyte makes them. */
    String openConsent(DemoConnector connector, String workspaceId, URI redirectUrl, String clientId) {
        while (true) {
            String state = letters(7);
            if (pending.putIfAbsent(state, new PendingConsent(state, connector, workspaceId, redirectUrl, clientId)) == null) {
                return state;
            }
        }
    }

    Optional<PendingConsent> pending(String state) {
        return Optional.ofNullable(pending.get(state));
    }

    /** Ends a consent; empty when it is unknown or was already decided. */
    Optional<PendingConsent> decide(String state) {
        return Optional.ofNullable(pending.remove(state));
    }

    String issueCode(PendingConsent consent) {
        String code = randomToken(24);
        codes.put(code, new Grant(consent.connector().definitionId(), consent.workspaceId(),
                consent.redirectUrl().toString()));
        issued.add(code);
        return code;
    }

    /**
     * Redeems a code once: empty when it was never issued, was used before, or was issued for
     * another connector, workspace or redirect URL. A refused code is spent all the same.
     */
    Optional<Grant> redeem(String code, String definitionId, String workspaceId, String redirectUrl) {
        Grant grant = codes.remove(code);
        if (grant == null
                || !grant.definitionId().equals(definitionId)
                || !grant.workspaceId().equals(workspaceId)
                || !grant.redirectUrl().equals(redirectUrl)) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    String issueToken(String definitionId) {
        String token = randomToken(32);
        tokenDefinitions.put(token, definitionId);
        issued.add(token);
        return token;
    }

    boolean isTokenFor(String token, String definitionId) {
        return definitionId.equals(tokenDefinitions.get(token));
    }

    /** Makes a token stop working, as a provider does when a grant expires or is revoked. */
    void revoke(String token) {
        revoked.add(token);
    }

    boolean isRevoked(String token) {
        return revoked.contains(token);
    }

    /** Counts a secret handed out elsewhere (a Cloud secret id) among the issued ones. */
    void remember(String secret) {
        issued.add(secret);
    }

    Set<String> issuedSecrets() {
        return Set.copyOf(issued);
    }

    @Override
    public String section() {
        return "ledger";
    }

    /** The tokens it issued, each with its connector's definition id, and those revoked since. */
    @Override
    public void save(ObjectNode into) {
        ObjectNode tokens = into.putObject("tokens");
        new TreeMap<>(tokenDefinitions).forEach(tokens::put);
        ArrayNode revokedList = into.putArray("revoked");
        new TreeSet<>(revoked).forEach(revokedList::add);
    }

    @Override
    public Runnable restore(JsonNode from) throws UnreadableStateException {
        Map<String, String> tokens = new HashMap<>();
        JsonNode kept = from.path("tokens");
        if (!kept.isMissingNode() && !kept.isObject()) {
            throw new UnreadableStateException("\"tokens\" is not an object");
        }
        for (Map.Entry<String, JsonNode> token : kept.properties()) {
            if (!token.getValue().isTextual()) {
                throw new UnreadableStateException("a token's definition id is not a text");
            }
            tokens.put(token.getKey(), token.getValue().asText());
        }
        Set<String> revokedTokens = new HashSet<>();
        for (JsonNode token : KeptState.array(from, "revoked")) {
            revokedTokens.add(token.asText());
        }
        return () -> {
            tokenDefinitions.clear();
            tokenDefinitions.putAll(tokens);
            revoked.clear();
            revoked.addAll(revokedTokens);
            issued.addAll(tokens.keySet());
        };
    }

    private String letters(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return text.toString();
    }

    private String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
