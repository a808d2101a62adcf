package dev.onramp.cli;

import dev.onramp.demo.AirbyteSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code onramp demo-server}: runs the Airbyte simulator alone until Ctrl+C, for other Onramps to use. */
@Command(name = "demo-server", mixinStandardHelpOptions = true,
        description = "Runs the built-in Airbyte simulator on 127.0.0.1 and prints its address.")
final class DemoServerCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Option(names = "--latency", paramLabel = "MILLIS", defaultValue = "250",
            description = "Delay added to every API call, in milliseconds (default: ${DEFAULT-VALUE}).")
    long latencyMillis;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = root.env().out();
        CountDownLatch stopped = new CountDownLatch(1);
        try (AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ofMillis(Math.max(0, latencyMillis)))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "onramp-demo-stop"));
            out.println("Airbyte simulator listening at " + simulator.apiBaseUrl());
            out.println("Connect with: onramp connect hubspot --airbyte-url " + simulator.apiBaseUrl());
            out.println("Press Ctrl+C to stop.");
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
