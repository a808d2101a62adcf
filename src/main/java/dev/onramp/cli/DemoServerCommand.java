package dev.onramp.cli;

import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.demo.Fault;
import dev.onramp.text.Messages;
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
        Messages messages = root.messages();
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
            String apiBase = simulator.apiBaseUrl().toString();
            out.println(messages.get("cli.demoServer.listening", apiBase));
            if (protectedConfigApi) {
                out.println(messages.get("cli.demoServer.configApiLogin", simulator.configApiPassword(),
                        simulator.configApiClientId(), simulator.configApiClientSecret(), apiBase));
            } else {
                out.println(messages.get("cli.demoServer.connectWith", apiBase));
            }
            out.println(messages.get("cli.demoServer.cloud", simulator.publicApiBaseUrl().toString(),
                    simulator.cloudClientId(), simulator.cloudClientSecret()));
            if (withoutSecretCoordinates) {
                out.println(messages.get("cli.demoServer.withoutSecretCoordinates"));
            }
            simulator.stateFolder().ifPresent(folder -> out.println(messages.get("cli.demoServer.stateFolder",
                    folder.toAbsolutePath().toString())));
            withoutOAuthApp.forEach(type -> out.println(messages.get("cli.demoServer.withoutOAuthApp", type)));
            oauthOff.forEach(type -> out.println(messages.get("cli.demoServer.oauthOff", type)));
            armed.forEach(fault -> out.println(armedFault(messages, fault)));
            out.println(messages.get("cli.demoServer.stop"));
            out.flush();
            stopped.await();
        }
        return 0;
    }

    /** The line naming an armed fault: its kind (the simulator's name), how many calls or tests, and its target. */
    private static String armedFault(Messages messages, Fault fault) {
        String kind = fault.kind().toString();
        if (fault.kind().check()) {
            return fault.target().isEmpty() ? messages.get("cli.demoServer.fault.tests", kind, fault.calls())
                    : messages.get("cli.demoServer.fault.testsOf", kind, fault.calls(), fault.target());
        }
        return fault.target().isEmpty() ? messages.get("cli.demoServer.fault.calls", kind, fault.calls())
                : messages.get("cli.demoServer.fault.callsTo", kind, fault.calls(), fault.target());
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
