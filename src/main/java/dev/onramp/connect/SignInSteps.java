package dev.onramp.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AdvancedAuth;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.ConnectorSpec;
import dev.onramp.airbyte.SignIn;
import dev.onramp.model.FlowState;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import dev.onramp.oauth.CallbackResult;
import dev.onramp.oauth.ConsentUrls;
import dev.onramp.oauth.LoopbackReceiver;
import dev.onramp.text.Text;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The steps a connect and a reconnect share to get a person's consent through Airbyte's OAuth app. */
final class SignInSteps {
    private SignInSteps() {}

    /** The connector's OAuth description, when this Airbyte can run its sign-in; else the flow ends. */
    static AdvancedAuth oauthApp(AirbyteGateway airbyte, Provider provider, String workspace) {
        ConnectorSpec spec = airbyte.getSpecification(provider.definitionId(), workspace);
        AdvancedAuth auth = spec.advancedAuth().orElseThrow(() -> noOAuthApp(provider));
        if (spec.globalCredentialsAvailable().equals(Optional.of(false))) {
            throw noOAuthApp(provider);
        }
        return auth;
    }

    /**
     * The consent link for a self-managed Airbyte, returning to {@code waiting}, which from now on
     * accepts only the answer that carries the link's state. A link whose {@code redirect_uri} is
     * another address than Onramp asked for would send the person's answer elsewhere: the flow ends
     * before the browser opens, saying so.
     */
    static URI loopbackConsentLink(SignIn.Loopback airbyte, Provider provider, String workspace,
            LoopbackReceiver waiting, ObjectNode oauthInput) {
        URI consentUrl = consentUrl(airbyte, provider, workspace, waiting.redirectUri(), oauthInput);
        String redirect = ConsentUrls.parameters(consentUrl).get("redirect_uri");
        if (redirect != null && !redirect.equals(waiting.redirectUri().toString())) {
            throw new FlowEnd(FlowState.FAILED, Text.of("connect.signIn.otherRedirect", provider.name(), printable(redirect),
                    waiting.redirectUri().toString()));
        }
        Optional<Text> elsewhere = answersElsewhere(provider, consentUrl);
        if (elsewhere.isPresent()) {
            throw new FlowEnd(FlowState.FAILED, elsewhere.get(), false);
        }
        String state = ConsentUrls.state(consentUrl).orElseThrow(() -> new FlowEnd(FlowState.FAILED,
                Text.of("connect.signIn.noState", provider.name())));
        waiting.expectState(state);
        return consentUrl;
    }

    /**
     * A consent link that names neither a redirect nor a state leads to a sign-in of Airbyte's own,
     * whose answer goes back to Airbyte, never to Onramp: Shopify's, which Airbyte sends to Airbyte
     * Cloud's preflight page (with a port-less origin) or to Airbyte's app in the Shopify App Store.
     * The sentence that says so and names the way in that works.
     */
    static Optional<Text> answersElsewhere(Provider provider, URI consentUrl) {
        Map<String, String> params = ConsentUrls.parameters(consentUrl);
        if (params.containsKey("redirect_uri") || params.containsKey("state")) {
            return Optional.empty();
        }
        return Optional.of(Text.of("connect.signIn.answersElsewhere", provider.name(),
                printable(String.valueOf(consentUrl.getHost()))));
    }

    /** The secret id the relay forwarded with the consent; without one the flow ends. */
    static String relayedSecretId(RelayConsent consent, CallbackResult callback) {
        return consent.secretId(callback).orElseThrow(() -> new FlowEnd(FlowState.FAILED,
                Text.of("connect.signIn.noSecretId")));
    }

    /** The provider's refusal (or the person's) as a flow end. */
    static FlowEnd refused(Provider provider, String error) {
        return new FlowEnd(FlowState.FAILED, "access_denied".equals(error)
                ? Text.of("connect.signIn.declined", provider.name())
                : Text.of("connect.signIn.notGranted", provider.name(), safe(error)));
    }

    /**
     * The consent link; an Airbyte without an OAuth app for the connector, or with OAuth switched off
     * for it, ends the flow with a sentence that names the provider and who can fix it.
     */
    private static URI consentUrl(SignIn.Loopback airbyte, Provider provider, String workspace, URI redirect,
            ObjectNode input) {
        try {
            return airbyte.getConsentUrl(provider.definitionId(), workspace, redirect, input);
        } catch (AirbyteException e) {
            throw switch (e.kind()) {
                case NO_OAUTH_APP -> noOAuthApp(provider);
                case OAUTH_DISABLED -> new FlowEnd(FlowState.FAILED, Text.of("connect.signIn.oauthOff", provider.name()));
                default -> e;
            };
        }
    }

    /** This Airbyte cannot run the sign-in for the provider: say who can fix it, how, and the other way in. */
    private static FlowEnd noOAuthApp(Provider provider) {
        Object console = provider.oauth().map(OAuthFacts::appConsole).filter(text -> !text.isEmpty())
                .<Object>map(text -> text).orElse(Text.of("connect.signIn.developerConsole", provider.name()));
        return new FlowEnd(FlowState.FAILED, Text.of("connect.signIn.noOAuthApp", provider.name(), console));
    }

    /** An address from Airbyte as it can be shown: no control characters, at most 200 characters. */
    private static String printable(String address) {
        String cleaned = address.replaceAll("[\\p{Cntrl}<>\"]", "");
        return cleaned.length() > 200 ? cleaned.substring(0, 200) + "…" : cleaned;
    }

    /** Keeps a provider's error code printable and short; it is shown, so it must not carry markup. */
    private static String safe(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9_.\\- ]", "");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
    }
}
