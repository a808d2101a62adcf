package dev.onramp.cli;

import dev.onramp.business.WebAddress;
import dev.onramp.model.InvalidInputException;
import java.net.URI;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --airbyte-url} as a full http(s) address, and refuses anything else with a sentence showing one. */
final class AirbyteUrlOption implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
        try {
            return WebAddress.parse(value, WebAddress.AIRBYTE_URL_OPTION).uri();
        } catch (InvalidInputException e) {
            throw new UsageErrors.Refused(e.text());
        }
    }
}
