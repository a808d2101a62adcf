package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.CommandLineRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp settings redirect}: shows and changes the sign-in redirect, in-process on a real data folder. */
class SettingsRedirectCommandLineTest {
    private static final String BUSINESS = "Demo Coffee Roasters";

    @TempDir
    Path dataDir;

    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CommandLineRunner("--data-dir", dataDir.toString());
    }

    @Test
    void settingsOfANewBusiness_listTheThreeDefaultRedirectUrisToRegister() {
        int exit = cli.run(Map.of(), "settings");

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("http://127.0.0.1:47151/oauth-success", "http://127.0.0.1:47152/oauth-success",
                "http://127.0.0.1:47153/oauth-success");
    }

    @Test
    void aBusinesssOwnRedirect_isSavedShownAndAudited_andTheOthersKeepTheDefault() throws Exception {
        int exit = cli.run(Map.of(), "settings", "redirect", "--tenant", BUSINESS, "--host", "localhost",
                "--port", "48000", "--ports", "2");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Saved.", "this business's own", "http://localhost:48000/oauth-success",
                "http://localhost:48001/oauth-success").doesNotContain("48002");
        cli.clearOut();
        assertThat(cli.run(Map.of(), "settings", "redirect", "--all-businesses")).isZero();
        assertThat(cli.out()).contains("the default for every business", "http://127.0.0.1:47151/oauth-success");
        cli.clearOut();
        Path trail = dataDir.resolve("trail.jsonl");
        assertThat(cli.run(Map.of(), "audit", "export", "--tenant", BUSINESS, "--format", "jsonl", "--out",
                trail.toString())).as(cli.err()).isZero();
        assertThat(Files.readString(trail)).contains("settings.redirect-changed", "localhost:48000");
    }

    @Test
    void theDefaultForEveryBusiness_isWhatABusinessWithoutItsOwnUses() {
        assertThat(cli.run(Map.of(), "settings", "redirect", "--all-businesses", "--port", "49100", "--ports", "1"))
                .as(cli.err()).isZero();
        cli.clearOut();

        assertThat(cli.run(Map.of(), "settings", "redirect", "--tenant", BUSINESS)).isZero();

        assertThat(cli.out()).contains("the default for every business", "http://127.0.0.1:49100/oauth-success")
                .doesNotContain("47151");
    }

    @Test
    void anyFreePort_isSavedAndSaysWhoAcceptsIt() {
        int exit = cli.run(Map.of(), "settings", "redirect", "--tenant", BUSINESS, "--port", "any");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("http://127.0.0.1:<any free port>/oauth-success", "Desktop type");
    }

    @Test
    void useDefault_forgetsTheBusinesssOwnRedirect() {
        cli.run(Map.of(), "settings", "redirect", "--tenant", BUSINESS, "--port", "48000");
        cli.clearOut();

        int exit = cli.run(Map.of(), "settings", "redirect", "--tenant", BUSINESS, "--use-default");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Saved.", "the default for every business", "47151");
    }

    @Test
    void aHostOtherThanTheLoopbackNames_isRefusedAndNothingIsSaved() {
        int exit = cli.run(Map.of(), "settings", "redirect", "--tenant", BUSINESS, "--host", "0.0.0.0");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("must be 127.0.0.1 or localhost, not \"0.0.0.0\"");
        cli.clearOut();
        cli.run(Map.of(), "settings", "redirect", "--tenant", BUSINESS);
        assertThat(cli.out()).contains("the default for every business", "47151");
    }

    @Test
    void aPortOutOfRange_isRefusedNamingTheBounds() {
        assertThat(cli.run(Map.of(), "settings", "redirect", "--tenant", BUSINESS, "--port", "80"))
                .isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("from 1024 to 65535, not 80");
        assertThat(cli.run(Map.of(), "settings", "redirect", "--tenant", BUSINESS, "--port", "65535", "--ports", "3"))
                .isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("goes past port 65535");
        assertThat(cli.run(Map.of(), "settings", "redirect", "--tenant", BUSINESS, "--port", "http"))
                .isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("must be a whole number from 1024 to 65535, or \"any\", not \"http\"");
    }
}
