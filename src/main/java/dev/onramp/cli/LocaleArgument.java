package dev.onramp.cli;

import java.util.Optional;

/** Finds {@code --locale TAG} (or {@code --locale=TAG}) in a command line before picocli reads it. */
final class LocaleArgument {
    private static final String OPTION = "--locale";

    private LocaleArgument() {}

    /** The last tag given before {@code --} (picocli keeps the last of a repeated option), if any. */
    static Optional<String> find(String... args) {
        Optional<String> tag = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals(OPTION) && i + 1 < args.length) {
                tag = Optional.of(args[++i]);
            } else if (arg.startsWith(OPTION + "=")) {
                tag = Optional.of(arg.substring(OPTION.length() + 1));
            }
        }
        return tag;
    }
}
