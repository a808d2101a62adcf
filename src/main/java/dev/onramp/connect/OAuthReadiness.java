package dev.onramp.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.SignIn;
import dev.onramp.catalog.Catalog;
import dev.onramp.model.Provider;
import dev.onramp.model.RedirectSettings;
import dev.onramp.model.Tenant;
import dev.onramp.oauth.ConsentUrls;
import dev.onramp.text.Text;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Asks a business's Airbyte, for each OAuth connector of the catalog, for a consent link without
 * opening it, and says whether a sign-in would work and, when not, who fixes what.
 */
final class OAuthReadiness {
    private final Catalog catalog;
    private final ConsentInputs consentInputs;

    OAuthReadiness(Catalog catalog, ConsentInputs consentInputs) {
        this.catalog = catalog;
        this.consentInputs = consentInputs;
    }

    /**
     * Checks every OAuth connector of the catalog in turn, telling {@code each} as soon as one is known;
     * the business's workspace is found once, before the first.
     */
    List<SignInReadiness> check(Tenant tenant, AirbyteGateway airbyte, RedirectSettings redirect, FlowStores stores,
            Consumer<SignInReadiness> each) {
        SignIn signIn = airbyte.signIn();
        String workspace = switch (signIn) {
            case SignIn.Loopback loopback -> stores.workspaceOf(tenant, airbyte);
            case SignIn.Relay relay -> relay.workspaceId().orElseGet(() -> stores.workspaceOf(tenant, airbyte));
        };
        List<SignInReadiness> results = new ArrayList<>();
        for (Provider provider : catalog.featured()) {
            if (provider.connectsByOAuth()) {
                SignInReadiness result = check(provider, signIn, workspace, askedRedirect(redirect));
                if (result.state() == SignInReadiness.State.NO_OAUTH_APP && signIn instanceof SignIn.Loopback) {
                    result = new SignInReadiness(result.providerId(), result.providerName(), result.state(),
                            Text.joined(" ", List.of(result.detailText(),
                                    OAuthAppSteps.describe(provider, redirect, airbyte.baseUrl()))),
                            result.redirectUri());
                }
                results.add(result);
                each.accept(result);
            }
        }
        return List.copyOf(results);
    }

    /**
     * The redirect the check asks consent links for: the first registrable URI, which a sign-in
     * uses unless a second Onramp holds it; with any free port, the host without a port.
     */
    static URI askedRedirect(RedirectSettings redirect) {
        return redirect.anyPort() ? URI.create("http://" + redirect.host().text() + RedirectSettings.PATH)
                : redirect.uri(redirect.firstPort());
    }

    private SignInReadiness check(Provider provider, SignIn signIn, String workspace, URI redirect) {
        ObjectNode input = ConsentInputs.inputsIn(provider, consentInputs.sampleConfiguration(provider.id()));
        try {
            URI consent = switch (signIn) {
                case SignIn.Loopback loopback -> loopback.getConsentUrl(provider.definitionId(), workspace,
                        redirect, input);
                case SignIn.Relay relay -> relay.initiateOAuth(provider, workspace, relay.relayUrl(), input);
            };
            Optional<Text> elsewhere = SignInSteps.answersElsewhere(provider, consent);
            if (elsewhere.isPresent()) {
                return new SignInReadiness(provider.id(), provider.name(), SignInReadiness.State.NOT_OFFERED,
                        elsewhere.get(), Optional.empty());
            }
            return new SignInReadiness(provider.id(), provider.name(), SignInReadiness.State.READY,
                    Text.of("connect.readiness.ready"),
                    Optional.ofNullable(ConsentUrls.parameters(consent).get("redirect_uri")));
        } catch (AirbyteException e) {
            return new SignInReadiness(provider.id(), provider.name(), switch (e.kind()) {
                case NO_OAUTH_APP -> SignInReadiness.State.NO_OAUTH_APP;
                case OAUTH_DISABLED -> SignInReadiness.State.OAUTH_DISABLED;
                case NOT_FOUND -> SignInReadiness.State.NOT_INSTALLED;
                case UNSUPPORTED -> SignInReadiness.State.NOT_OFFERED;
                default -> SignInReadiness.State.FAILED;
            }, e.text(), Optional.empty());
        }
    }
}
