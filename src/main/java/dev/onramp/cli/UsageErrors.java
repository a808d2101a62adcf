package dev.onramp.cli;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Answers a command line that cannot be read with one line saying what is wrong and where the
 * command's options are, and exit code 2: an option's own sentence when it has one, never Java's exception text.
 */
final class UsageErrors implements IParameterExceptionHandler {
    private final Messages messages;

    UsageErrors(Messages messages) {
        this.messages = messages;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String message = e.getCause() instanceof Refused own
                ? own.text.map(messages::render).orElse(own.getMessage()) : e.getMessage();
        err.println("onramp: " + message);
        UnmatchedArgumentException.printSuggestions(e, err);
        if (cli.getSubcommands().isEmpty() || cli.getCommandSpec().parent() == null) {
            err.println(messages.get("cli.usage.seeHelp", cli.getCommandSpec().qualifiedName()));
        } else {
            cli.usage(err);
        }
        err.flush();
        return OnrampCommand.WRONG_USAGE;
    }

    /**
     * An option's value refused by one of Onramp's converters, whose message is a whole sentence naming the
     * option: a {@link Text} said in the run's language, or a sentence the core built (still English).
     */
    static final class Refused extends TypeConversionException {
        private final Optional<Text> text;

        Refused(String sentence) {
            super(sentence);
            this.text = Optional.empty();
        }

        Refused(Text text) {
            super(Messages.english().render(text));
            this.text = Optional.of(text);
        }
    }
}
