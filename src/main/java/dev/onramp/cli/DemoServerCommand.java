package dev.onramp.cli;

import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.demo.Fault;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code onramp demo-server}: runs the Airbyte simulator alone until Ctrl+C, for other Onramps to use. */
@Command(name = "demo-server", mixinStandardHelpOptions = true)
final class DemoServerCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--latency", paramLabel = "MILLIS", defaultValue = "250")
    long latencyMillis;

    @Option(names = "--workspaces", paramLabel = "N", defaultValue = "1")
    int workspaces;

    @Option(names = "--protected")
    boolean protectedConfigApi;

    @Option(names = "--fault", paramLabel = "KIND[=DURATION][:CALLS][@TARGET]", converter = FaultConverter.class)
    List<Fault> armed = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0")
    int port;

    @Option(names = "--state-dir", paramLabel = "DIR")
    Path stateDir;

    @Option(names = "--without-secret-coordinates")
    boolean withoutSecretCoordinates;

    @Option(names = "--without-oauth-app", paramLabel = "SOURCE_TYPE")
    List<String> withoutOAuthApp = new ArrayList<>();

    @Option(names = "--oauth-off", paramLabel = "SOURCE_TYPE")
    List<String> oauthOff = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = root.env().out();
        CountDownLatch stopped = new CountDownLatch(1);
        AirbyteSimulator.Builder builder = AirbyteSimulator.builder()
                .latency(Duration.ofMillis(Math.max(0, latencyMillis)))
                .workspaces(Math.max(1, workspaces));
        if (protectedConfigApi) {
            builder.protectedConfigApi();
        }
        if (stateDir != null) {
            builder.stateFolder(stateDir);
        }
        if (port != 0) {
            builder.port(port);
        }
        try (AirbyteSimulator simulator = builder.start()) {
            armed.forEach(simulator.faults()::arm);
            simulator.ignoreReturnSecretCoordinate(withoutSecretCoordinates);
            try {
                withoutOAuthApp.forEach(simulator::withoutOAuthApp);
                oauthOff.forEach(simulator::switchOAuthOff);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "onramp-demo-stop"));
            out.println("Airbyte simulator listening at " + simulator.apiBaseUrl());
            if (protectedConfigApi) {
                out.println("Its Config API needs a login: user airbyte with password " + simulator.configApiPassword()
                        + ", or the application with client id " + simulator.configApiClientId() + " and client secret "
                        + simulator.configApiClientSecret() + " (onramp settings set --target self-managed --url "
                        + simulator.apiBaseUrl() + " --client-id … --secret client_secret)");
            } else {
                out.println("Connect with: onramp connect hubspot --airbyte-url " + simulator.apiBaseUrl());
            }
            out.println("Airbyte Cloud stand-in (public API) at " + simulator.publicApiBaseUrl()
                    + " with client id " + simulator.cloudClientId() + " and client secret " + simulator.cloudClientSecret());
            if (withoutSecretCoordinates) {
                out.println("complete_oauth ignores returnSecretCoordinate and answers with the tokens.");
            }
            simulator.stateFolder().ifPresent(folder -> out.println("Sources are kept in " + folder.toAbsolutePath()
                    + ", and are there again when it is started on that folder."));
            withoutOAuthApp.forEach(type -> out.println("No OAuth app for " + type + "."));
            oauthOff.forEach(type -> out.println("OAuth switched off for " + type + "."));
            armed.forEach(fault -> out.println("Armed fault: " + fault.kind() + " for " + fault.calls()
                    + (fault.kind().check() ? " test(s) of a source" : " call(s)")
                    + (fault.target().isEmpty() ? "" : (fault.kind().check() ? " of " : " to ") + fault.target())));
            out.println("Press Ctrl+C to stop.");
            out.flush();
            stopped.await();
        }
        return 0;
    }

    /** Reads {@code --fault} values, so that a wrong one is a usage error naming the format. */
    static final class FaultConverter implements ITypeConverter<Fault> {
        @Override
        public Fault convert(String value) {
            try {
                return Fault.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
