package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.testing.CommandLineRunner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in German and French with {@code --locale}, English for a language Onramp does not ship. */
class LanguagesCommandLineTest {
    /** The commands whose every sentence is in the bundles; the sentence scan below widens as more are done. */
    private static final List<String> TRANSLATED = List.of("OnrampCommand.java", "UsageErrors.java",
            "ConnectionsCommand.java", "ProvidersCommand.java", "LocaleArgument.java", "Tenants.java", "SetOption.java",
            "WaitOption.java", "Answers.java", "BusinessCommand.java", "Refusal.java", "AccountPick.java",
            "SecretOption.java", "CredentialsInput.java", "CredentialsUpdateCommand.java", "ConnectCommand.java",
            "DisconnectCommand.java", "RenameCommand.java", "SummaryCommand.java", "CheckCommand.java",
            "DemoResetCommand.java", "SettingsCommand.java", "SettingsSetCommand.java", "SettingsTestCommand.java",
            "SettingsRedirectCommand.java", "AirbyteUrlOption.java", "SupportBundleCommand.java", "OAuthCheckCommand.java",
            "DoctorCommand.java", "RemoveDataCommand.java", "AuditCommand.java", "KeysCommand.java",
            "DemoServerCommand.java");
    /** A sentence: three words of letters, separated by single spaces, in a string literal. */
    private static final Pattern SENTENCE = Pattern.compile("\"[^\"\\n]*\\p{L}+ \\p{L}+ \\p{L}+[^\"\\n]*\"");

    @TempDir
    Path dataDir;

    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        // The built-in simulator: no --airbyte-url, so nothing outside this test is reached.
        cli = new CommandLineRunner(options -> AppContext.start(new AppOptions(options.dataDir(), options.airbyteUrl(),
                options.browser(), Duration.ZERO, options.consentTimeout())), url -> false,
                "--data-dir", dataDir.toString());
    }

    private int run(String... args) {
        cli.clearOut();
        cli.clearErr();
        return cli.run(Map.of(), args);
    }

    @Test
    void connectionsAndProviders_speakGermanWithLocaleDe() {
        assertThat(run("--locale", "de", "connections")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("UNTERNEHMEN", "ANBIETER", "KONTO")
                .contains("Noch keine Verbindungen. Eine verbinden mit: onramp connect <Anbieter>");

        assertThat(run("providers", "--search", "stripe", "--locale=de")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("KATEGORIE", "ANMELDUNG", "stripe").containsPattern("\\d+ Anbieter\\.");
    }

    @Test
    void connectionsAndProviders_speakFrenchWithLocaleFr() {
        assertThat(run("--locale", "fr", "connections")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("ENTREPRISE", "FOURNISSEUR", "COMPTE")
                .contains("Aucune connexion pour l’instant.");

        assertThat(run("--locale", "fr", "providers", "--search", "zzqqxx-nothing")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Aucun fournisseur ne correspond à « zzqqxx-nothing ».");
    }

    @Test
    void aRefusedChoice_isToldInTheLanguage_withItsExitCode() {
        assertThat(run("--locale", "de", "providers", "--category", "Nothing")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).startsWith("onramp: Es gibt keine Kategorie \"Nothing\". Kategorien: ");

        assertThat(run("--locale", "fr", "connections", "--unknown")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).contains("`onramp connections --help` liste ses options.");
    }

    @Test
    void helpOfACommand_isInGermanOrFrench() {
        assertThat(run("--locale", "de", "connections", "--help")).isZero();
        assertThat(cli.out()).startsWith("Aufruf: onramp connections")
                .contains("Listet die Verbindungen, die Onramp gespeichert hat", "Diese Hilfe zeigen und beenden.");

        assertThat(run("--locale", "fr", "--help")).isZero();
        assertThat(cli.out()).startsWith("Utilisation : onramp")
                .contains("Relie les sources de données d’une entreprise à Airbyte.", "Commandes :");
    }

    @Test
    void aLanguageOnrampDoesNotShip_goesOnInEnglish_withOneSentence() {
        assertThat(run("--locale", "xx", "connections")).as(cli.err()).isZero();
        assertThat(cli.err()).isEqualTo("onramp: Onramp does not speak \"xx\", so it goes on in English (it speaks en,"
                + " de and fr)." + System.lineSeparator());
        assertThat(cli.out()).startsWith("BUSINESS").contains("No connections yet.");
    }

    @Test
    void englishAsked_isEnglish() {
        assertThat(run("--locale", "en", "providers", "--search", "stripe")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("ID").contains("SIGN-IN").containsPattern("\\d+ providers?\\.");
    }

    @Test
    void businessCreateAndRename_refuseInGermanAndFrench_withExitOne() {
        assertThat(run("--locale", "de", "business", "create", "Acme", "--type", "spaceship")).isEqualTo(1);
        assertThat(cli.err()).startsWith("onramp: Onramp kennt keine Unternehmensart \"spaceship\"; die Arten sind ")
                .contains("online-store");
        assertThat(run("--locale", "fr", "business", "create", "Acme", "--type", "spaceship")).isEqualTo(1);
        assertThat(cli.err()).startsWith("onramp: Onramp ne connaît pas de type d’entreprise « spaceship » ;");

        assertThat(run("--locale", "de", "business", "rename", "Nobody", "Somebody")).isEqualTo(1);
        assertThat(cli.err()).startsWith("onramp: Kein Unternehmen heißt \"Nobody\". Bekannt: ");
        assertThat(run("--locale", "fr", "business", "rename", "Nobody", "Somebody")).isEqualTo(1);
        assertThat(cli.err()).startsWith("onramp: Aucune entreprise ne s’appelle « Nobody ». Connues : ");
    }

    @Test
    void businessCreate_andRetype_speakTheirLanguage() {
        assertThat(run("--locale", "de", "business", "create", "Acme", "--type", "online-store")).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("Acme angelegt, Art: Onlineshop." + System.lineSeparator());
        assertThat(run("--locale", "fr", "business", "retype", "Acme", "saas")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Acme est maintenant de type éditeur de logiciels ; recommandés : ");
    }

    @Test
    void businessDelete_withoutYesOrATerminal_deletesNothing_inGermanAndFrench() {
        assertThat(run("--locale", "de", "business", "create", "Acme", "--type", "online-store")).isZero();

        assertThat(run("--locale", "de", "business", "delete", "Acme")).isEqualTo(1);
        assertThat(cli.out()).startsWith("Dies löscht Acme aus Onramp.");
        assertThat(cli.err()).isEqualTo("onramp: Nichts wurde gelöscht, da es kein Terminal zum Bestätigen gibt; führen"
                + " Sie den Befehl mit --yes erneut aus, um es zu löschen." + System.lineSeparator());

        assertThat(run("--locale", "fr", "business", "delete", "Acme")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("onramp: Rien n’a été supprimé, faute de terminal pour confirmer ; relancez avec"
                + " --yes pour la supprimer." + System.lineSeparator());
    }

    @Test
    void businessDelete_takesTheLanguagesOwnWordForYes() {
        assertThat(run("business", "create", "Acme", "--type", "online-store")).isZero();
        assertThat(run("business", "create", "Bolt", "--type", "online-store")).isZero();
        cli.answeringLines("nein");
        assertThat(run("--locale", "de", "business", "delete", "Acme")).isEqualTo(OnrampCommand.CANCELLED);
        assertThat(cli.out()).endsWith("Nichts wurde gelöscht." + System.lineSeparator());

        cli.answeringLines("oui");
        assertThat(run("--locale", "fr", "business", "delete", "Acme")).as(cli.err()).isZero();
        assertThat(run("business", "list")).isZero();
        assertThat(cli.out()).contains("Bolt").doesNotContain("Acme");
    }

    @Test
    void aRefusedTimeout_isAUsageErrorInTheLanguage() {
        assertThat(run("--locale", "de", "connect", "stripe", "--timeout", "soon")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).startsWith("onramp: --timeout nimmt eine positive Wartezeit wie 5m, 90s oder PT5M"
                + " (ISO-8601); \"soon\" ist keine.");
    }

    @Test
    void connectWithASetWithoutItsValue_isAUsageErrorInGermanAndFrench() {
        assertThat(run("--locale", "de", "connect", "stripe", "--set", "account_id")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).startsWith("onramp: --set nimmt KEY=VALUE, z. B. --set account_id=acct_123; \"account_id\""
                + " hat keinen Wert: schreiben Sie --set account_id=VALUE.");

        assertThat(run("--locale", "fr", "connect", "stripe", "--set", "=acct_1")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).startsWith("onramp: --set prend KEY=VALUE, p. ex. --set account_id=acct_123 ; « =acct_1 »"
                + " n’a pas de clé : écrivez le nom du champ avant le =.");
    }

    @Test
    void connectRenameAndDisconnect_speakGermanAndFrench() {
        Map<String, String> key = Map.of("STRIPE_KEY", "sk_test_onramp_languages_51HqLyjWDarjtT1zdp7dc");
        cli.clearOut();
        assertThat(cli.run(key, "--locale", "de", "connect", "stripe", "--set", "account_id=acct_1", "--secret",
                "client_secret=STRIPE_KEY")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Stripe wird für Demo Coffee Roasters verbunden (")
                .containsPattern("Stripe verbunden: Quelle [0-9a-f-]{36}, \\d+ Streams?");

        assertThat(run("--locale", "fr", "connect", "stripe", "--secret", "client_secret=NOWHERE"))
                .isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).isEqualTo("onramp: La variable d’environnement NOWHERE n’est pas définie : donnez-lui la"
                + " valeur de Clé secrète, ou écrivez --secret client_secret seul pour qu’on vous la demande."
                + System.lineSeparator());

        assertThat(run("--locale", "de", "rename", "stripe", "EU-Konto")).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("Stripe-Konto \"acct_1\" von Demo Coffee Roasters in \"EU-Konto\" umbenannt."
                + System.lineSeparator());

        assertThat(run("--locale", "fr", "disconnect", "stripe")).isEqualTo(DisconnectCommand.USAGE);
        assertThat(cli.err()).isEqualTo("onramp: Rien n’a été déconnecté, faute de terminal pour confirmer : ajoutez"
                + " --yes pour déconnecter Stripe (compte EU-Konto) de l’entreprise Demo Coffee Roasters."
                + System.lineSeparator());
        cli.answering("j");
        assertThat(run("--locale", "de", "disconnect", "stripe")).as(cli.err()).isZero();
        assertThat(cli.questions()).last().isEqualTo("Stripe (Konto EU-Konto) des Unternehmens Demo Coffee Roasters"
                + " trennen? Dies löscht die Quelle in Airbyte. [j/N] ");
    }

    @Test
    void demoReset_withoutYesOrATerminal_resetsNothing_inGermanAndFrench() {
        assertThat(run("--locale", "de", "demo", "reset")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).isEqualTo("onramp: Es wurde nichts zurückgesetzt, da es kein Terminal zum Bestätigen gibt:"
                + " fügen Sie --yes hinzu, um die Demo zurückzusetzen." + System.lineSeparator());
        assertThat(cli.questions()).last().asString().startsWith("Die Demo zurücksetzen? ").endsWith(" [j/N] ");

        assertThat(run("--locale", "fr", "demo", "reset")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).isEqualTo("onramp: Rien n’a été réinitialisé, faute de terminal pour confirmer : ajoutez"
                + " --yes pour réinitialiser la démo." + System.lineSeparator());
    }

    @Test
    void summaryAsPdfWithoutOut_isAUsageErrorInGermanAndFrench() {
        assertThat(run("--locale", "de", "summary", "--format", "pdf")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).isEqualTo("onramp: Ein PDF geht in eine Datei: fügen Sie --out DATEI.pdf hinzu (Text und"
                + " JSON dürfen ins Terminal gehen)." + System.lineSeparator());

        assertThat(run("--locale", "fr", "summary", "--format", "pdf")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).isEqualTo("onramp: Un PDF va dans un fichier : ajoutez --out FICHIER.pdf (le texte et le"
                + " JSON peuvent aller dans le terminal)." + System.lineSeparator());

        assertThat(run("--locale", "fr", "summary", "--format", "docx")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).startsWith("onramp: --format inconnu « docx » : utilisez text, json ou pdf.");
    }

    @Test
    void summaryToAFile_andCheck_sayWhatTheyDidInGerman() {
        Path pdf = dataDir.resolve("summary.pdf");
        assertThat(run("--locale", "de", "summary", "--format", "pdf", "--out", pdf.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Die Zusammenfassung von Demo Coffee Roasters wurde in " + pdf
                + " geschrieben (");

        assertThat(run("--locale", "de", "check")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Verbindungen von Demo Coffee Roasters in ")
                .contains("Noch keine Verbindungen. Eine verbinden mit: onramp connect <Anbieter>");
    }

    @Test
    void settings_speakGermanAndFrench() {
        assertThat(run("--locale", "de", "settings")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Unternehmen:    Demo Coffee Roasters" + System.lineSeparator()
                + "Airbyte:        demo (der eingebaute Airbyte-Simulator)").contains("Redirect-URI");

        assertThat(run("--locale", "fr", "settings", "set", "--target", "self-managed")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("onramp: Donnez l’adresse de l’Airbyte autogéré avec --url, p. ex. --url"
                + " http://localhost:8000." + System.lineSeparator());

        assertThat(run("--locale", "de", "settings", "redirect", "--port", "any", "--ports", "2")).isEqualTo(1);
        assertThat(cli.err()).startsWith("onramp: --ports passt nicht zu --port any");

        assertThat(run("--locale", "fr", "settings", "test")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Onramp a joint ");
    }

    @Test
    void theCoresRefusals_areSaidInGermanAndFrench_withTheirExitCodes() {
        assertThat(run("--locale", "de", "business", "create", "  ", "--type", "online-store")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("onramp: Geben Sie dem Unternehmen einen Namen." + System.lineSeparator());

        assertThat(run("--locale", "de", "settings", "set", "--target", "self-managed", "--url", "ftp://airbyte"))
                .isEqualTo(1);
        assertThat(cli.err()).isEqualTo("onramp: Für die Adresse des selbst betriebenen Airbyte ist eine vollständige"
                + " http- oder https-Adresse nötig, z. B. http://localhost:8000; \"ftp://airbyte\" ist keine."
                + System.lineSeparator());

        assertThat(run("--locale", "fr", "--airbyte-url", "ftp://airbyte", "connections"))
                .isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).startsWith("onramp: Pour l’adresse Airbyte après --airbyte-url, il faut une adresse http"
                + " ou https complète, p. ex. http://localhost:8000 ; « ftp://airbyte » n’en est pas une.");
    }

    @Test
    void anAirbyteThatDoesNotAnswer_isSaidInGermanAndFrench() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        assertThat(run("--locale", "de", "--airbyte-url", closed, "oauth-check")).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).isEqualTo("onramp: Onramp konnte Airbyte unter " + closed + "/api nicht erreichen. Prüfen"
                + " Sie, dass es läuft und die Adresse stimmt." + System.lineSeparator());

        assertThat(run("--locale", "fr", "--airbyte-url", closed, "oauth-check")).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).isEqualTo("onramp: Onramp n’a pas pu joindre Airbyte à l’adresse " + closed + "/api."
                + " Vérifiez qu’il tourne et que l’adresse est la bonne." + System.lineSeparator());
    }

    @Test
    void oauthCheck_saysEachReadinessInFrench() {
        assertThat(run("--locale", "fr", "oauth-check")).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("HubSpot +prête +Airbyte fournit son lien de consentement\\.")
                .containsPattern("Shopify +non proposée +Airbyte connecte Shopify uniquement par sa propre application")
                .doesNotContain("hands out", " ready ", "not offered");
    }

    @Test
    void removeData_withoutYesOrATerminal_removesNothing_inGermanAndFrench() {
        assertThat(run("connections")).isZero(); // makes the data folder

        assertThat(run("--locale", "de", "remove-data")).isEqualTo(1);
        assertThat(cli.out()).startsWith("Dies entfernt endgültig:" + System.lineSeparator() + "  den Datenordner "
                + dataDir);
        assertThat(cli.err()).startsWith("onramp: Es wurde nichts entfernt, da es kein Terminal zum Bestätigen gibt;");

        assertThat(run("--locale", "fr", "remove-data")).isEqualTo(1);
        assertThat(cli.out()).startsWith("Ceci supprime définitivement :");
        assertThat(cli.questions()).last().isEqualTo("Tapez oui pour les supprimer : ");
    }

    @Test
    void auditVerify_saysTheTrailIsIntactInGerman_andExportSpeaksFrench() {
        assertThat(run("connections")).isZero(); // makes the demo business: one audit entry

        assertThat(run("--locale", "de", "audit", "verify")).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("Das Prüfprotokoll ist unversehrt: 1 Eintrag; der letzte signierte Checkpoint"
                + " bürgt für Eintrag 1." + System.lineSeparator());

        Path file = dataDir.resolve("audit.jsonl");
        assertThat(run("--locale", "fr", "audit", "export", "--format", "jsonl", "--out", file.toString()))
                .as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("Journal d’audit de toutes les entreprises écrit dans " + file + " : 1 entrée"
                + System.lineSeparator());

        assertThat(run("--locale", "de", "audit", "export", "--format", "csv", "--out", file.toString(), "--tenant",
                "Nobody")).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).isEqualTo("onramp: Kein Unternehmen heißt \"Nobody\"." + System.lineSeparator());

        assertThat(run("--locale", "fr", "audit", "export", "--format", "xml", "--out", file.toString()))
                .isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).startsWith("onramp: Valeur non valide pour l’option --format : format inconnu « xml » ;"
                + " utilisez jsonl ou csv.");
    }

    @Test
    void keysRotate_saysWhatItReencryptedInGerman() {
        assertThat(cli.run(Map.of("STRIPE_KEY", "sk_test_onramp_languages_51HqLyjWDarjtT1zdp7dc"), "connect", "stripe",
                "--set", "account_id=acct_1", "--secret", "client_secret=STRIPE_KEY")).as(cli.err()).isZero();

        assertThat(run("--locale", "de", "keys", "rotate")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Bisher neu verschlüsselt: 1 Geheimnis." + System.lineSeparator())
                .containsPattern("Schlüssel \\d+ ist der primäre Schlüssel. In diesem Lauf neu verschlüsselt:"
                        + " 1 Geheimnis, insgesamt 1. Onramp behält 1 älteren Schlüssel, damit sich Sicherungen"
                        + " weiterhin öffnen lassen.");
    }

    @Test
    void demoServer_printsItsStartInGerman() throws InterruptedException {
        CommandLineRunner server = new CommandLineRunner(options -> {
            throw new AssertionError("demo-server opens no app");
        }, url -> false);
        Thread running = Thread.ofVirtual().start(() -> server.run(Map.of(), "--locale", "de", "demo-server",
                "--latency", "0", "--fault", "503:2@/v1/workspaces", "--without-oauth-app", "hubspot"));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!server.out().contains("Strg+C") && running.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.out()).as(server.err()).startsWith("Airbyte-Simulator lauscht unter http://127.0.0.1:")
                    .contains("Verbinden mit: onramp connect hubspot --airbyte-url http://127.0.0.1:",
                            "Keine OAuth-App für hubspot.",
                            "Scharfgeschalteter Fehler: SERVICE_UNAVAILABLE für 2 Aufruf(e) an /v1/workspaces")
                    .endsWith("Drücken Sie Strg+C zum Beenden." + System.lineSeparator());
        } finally {
            running.interrupt(); // as Ctrl+C would: the simulator closes
            running.join(Duration.ofSeconds(30));
        }
    }

    @Test
    void theTranslatedCommands_keepNoSentenceOutsideTheBundles() throws IOException {
        for (String file : TRANSLATED) {
            List<String> sentences = Files.readAllLines(Path.of("src/main/java/dev/onramp/cli", file)).stream()
                    .filter(line -> !line.strip().startsWith("*") && !line.strip().startsWith("//"))
                    .filter(line -> !line.contains("new IllegalStateException(")) // a programming error, never shown
                    .flatMap(line -> SENTENCE.matcher(line).results().map(MatchResult::group))
                    .toList();
            assertThat(sentences).as(file).isEmpty();
        }
    }
}
