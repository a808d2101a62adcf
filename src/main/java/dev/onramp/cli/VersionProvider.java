package dev.onramp.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads Onramp's version from the jar's manifest. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"Onramp " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version()};
    }
}
