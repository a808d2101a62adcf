package dev.onramp.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which values the redactor masks in logs and support files, and which text it leaves alone. */
class SecretRedactorTest {
    private static String redact(String text) {
        return SecretRedactor.redact(text);
    }

    @Test
    void callbackQuery_masksCodeAndStateButKeepsOtherParameters() {
        assertThat(redact("GET /oauth-success?code=4%2F0AfJohXm&state=qWeRtYu&shop=demo.myshopify.com"))
                .isEqualTo("GET /oauth-success?code=[hidden]&state=[hidden]&shop=demo.myshopify.com");
    }

    @Test
    void jsonTokens_areMaskedAndOtherFieldsKept() {
        assertThat(redact("{\"access_token\":\"ya29.a0AfH6SM\", \"refresh_token\" : \"1//0gLq\", \"expires_in\":3599}"))
                .isEqualTo("{\"access_token\":\"[hidden]\", \"refresh_token\" : \"[hidden]\", \"expires_in\":3599}");
    }

    @Test
    void credentialFields_areMaskedInEveryCommonSpelling() {
        assertThat(redact("client_secret=cs-1 clientSecret: cs-2 secret_id=sid-3 password=pw-4 api_key=k-5 apiKey=k-6"))
                .isEqualTo("client_secret=[hidden] clientSecret: [hidden] secret_id=[hidden] password=[hidden]"
                        + " api_key=[hidden] apiKey=[hidden]");
    }

    @Test
    void mapToString_masksTheValuesUpToTheComma() {
        assertThat(redact("queryParams={code=abc123, state=xyzxyzx, realmId=42}"))
                .isEqualTo("queryParams={code=[hidden], state=[hidden], realmId=42}");
    }

    @Test
    void authorizationHeader_isMaskedWithItsScheme() {
        assertThat(redact("Authorization: Bearer abc.def-ghi")).isEqualTo("Authorization: [hidden]");
        assertThat(redact("authorization=Basic dXNlcjpwYXNz")).isEqualTo("authorization=[hidden]");
    }

    @Test
    void bearerTokenInProse_isMasked() {
        assertThat(redact("retrying with bearer sk_live_51H8xYz== after 401")).isEqualTo("retrying with bearer [hidden] after 401");
    }

    @Test
    void jwtOnItsOwn_isMasked() {
        assertThat(redact("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sflKxwRJSMeKKF2QT4 expired"))
                .isEqualTo("token [hidden] expired");
    }

    @Test
    void encodedRedirectUrl_hasItsCodeMasked() {
        assertThat(redact("redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcb%3Fcode%3D4%252F0Af%26state%3Dqwe%26x%3D1"))
                .isEqualTo("redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcb%3Fcode%3D[hidden]%26state%3D[hidden]%26x%3D1");
    }

    @Test
    void passwordInAUrl_isMaskedWithTheUserName() {
        assertThat(redact("Airbyte at http://admin:s3cret@airbyte.local:8000/api"))
                .isEqualTo("Airbyte at http://[hidden]@airbyte.local:8000/api");
    }

    @Test
    void valueOnTheNextLine_isMaskedToo() {
        assertThat(redact("{\n  \"access_token\":\n    \"tok-123\"\n}")).isEqualTo("{\n  \"access_token\":\n    \"[hidden]\"\n}");
    }

    @Test
    void wordsThatOnlyContainAKey_areLeftAlone() {
        String text = "statusCode=200 error_code=E42 encode=utf8 estate=big; the flow's state is STORED";

        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void redactingTwice_changesNothingMore() {
        String once = redact("code=abc&state=def Authorization: Bearer x.y http://u:p@h/ password=\"pw\"");

        assertThat(redact(once)).isEqualTo(once);
    }
}
