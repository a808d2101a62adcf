package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.CatalogWords;
import dev.onramp.connect.BusinessRemoval;
import dev.onramp.model.BusinessType;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code onramp business}: lists, creates, renames, retypes and deletes the businesses being onboarded; the
 * business types are named in the run's language.
 */
@Command(name = "business", mixinStandardHelpOptions = true,
        subcommands = {BusinessCommand.List.class, BusinessCommand.Create.class, BusinessCommand.Rename.class, BusinessCommand.Retype.class,
                BusinessCommand.Delete.class, BusinessCommand.Types.class})
final class BusinessCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    /** Without a subcommand: the list. */
    @Override
    public Integer call() {
        return new List().list(root);
    }

    /** {@code onramp business list}: each business with its type. */
    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class List implements Callable<Integer> {
        @ParentCommand
        BusinessCommand parent;

        @Override
        public Integer call() {
            return list(parent.root);
        }

        Integer list(OnrampCommand root) {
            PrintWriter out = root.env().out();
            try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(1))) {
                for (Tenant tenant : app.tenants().tenantsCreatingDemoIfNone()) {
                    out.println(tenant.name() + "  (" + typeName(app, tenant.businessTypeId(), root.messages()) + ")");
                }
                out.flush();
                return 0;
            }
        }
    }

    /** {@code onramp business create NAME --type TYPE}. */
    @Command(name = "create", mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @ParentCommand
        BusinessCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--type", paramLabel = "TYPE", required = true)
        String type;

        @Override
        public Integer call() {
            Messages messages = parent.root.messages();
            return run(parent.root, app -> {
                if (app.catalog().businessType(type.strip()).isEmpty()) {
                    throw new InvalidInputException(messages.get("cli.business.unknownType", type.strip(),
                            app.catalog().businessTypes().stream().map(BusinessType::id).collect(Collectors.joining(", "))));
                }
                Tenant created = app.tenants().create(name, type.strip());
                String typeName = inSentence(app, created.businessTypeId(), messages);
                return startsWithVowel(typeName) ? messages.get("cli.business.createdVowel", created.name(), typeName)
                        : messages.get("cli.business.created", created.name(), typeName);
            });
        }
    }

    /** {@code onramp business types}: the kinds of business and what each recommends. */
    @Command(name = "types", mixinStandardHelpOptions = true)
    static final class Types implements Callable<Integer> {
        @ParentCommand
        BusinessCommand parent;

        @Override
        public Integer call() {
            return run(parent.root, app -> catalog(app, parent.root.messages()).businessTypes().stream()
                    .map(type -> type.id() + "  " + type.name() + " — " + type.description())
                    .collect(Collectors.joining(System.lineSeparator())));
        }
    }

    /** {@code onramp business rename NAME NEW_NAME}. */
    @Command(name = "rename", mixinStandardHelpOptions = true)
    static final class Rename implements Callable<Integer> {
        @ParentCommand
        BusinessCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "NEW_NAME")
        String newName;

        @Override
        public Integer call() {
            Messages messages = parent.root.messages();
            return run(parent.root, app -> {
                Tenant tenant = Tenants.pick(app, name, messages);
                Tenant renamed = app.tenants().rename(tenant.id(), newName);
                return messages.get("cli.business.renamed", tenant.name(), renamed.name());
            });
        }
    }

    /** {@code onramp business retype NAME TYPE}. */
    @Command(name = "retype", mixinStandardHelpOptions = true)
    static final class Retype implements Callable<Integer> {
        @ParentCommand
        BusinessCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "TYPE")
        String type;

        @Override
        public Integer call() {
            Messages messages = parent.root.messages();
            return run(parent.root, app -> {
                Tenant tenant = Tenants.pick(app, name, messages);
                Tenant changed = app.tenants().retype(tenant.id(), type.strip());
                String typeName = inSentence(app, changed.businessTypeId(), messages);
                String recommended = app.catalog().recommend(changed.businessTypeId()).stream()
                        .filter(r -> r.recommended()).map(r -> r.provider().name()).collect(Collectors.joining(", "));
                return startsWithVowel(typeName)
                        ? messages.get("cli.business.retypedVowel", tenant.name(), typeName, recommended)
                        : messages.get("cli.business.retyped", tenant.name(), typeName, recommended);
            });
        }
    }

    /** {@code onramp business delete NAME [--keep-sources] [--yes]}. */
    @Command(name = "delete", mixinStandardHelpOptions = true)
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        BusinessCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--keep-sources")
        boolean keepSources;

        @Option(names = "--yes")
        boolean yes;

        @Override
        public Integer call() {
            OnrampCommand root = parent.root;
            Messages messages = root.messages();
            PrintWriter out = root.env().out();
            PrintWriter err = root.env().err();
            try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(1))) {
                Tenant tenant = Tenants.pick(app, name, messages);
                long live = app.connect().connections(tenant.id()).stream().filter(c -> !c.disconnected()).count();
                if (!yes) {
                    out.println(live == 0 ? messages.get("cli.business.delete.plan", tenant.name())
                            : keepSources ? messages.get("cli.business.delete.planKeepingSources", tenant.name(), live)
                            : messages.get("cli.business.delete.planDisconnecting", tenant.name(), live));
                    out.flush();
                    Optional<String> answer = root.env().lines().ask(messages.get("cli.business.delete.ask"));
                    if (answer.isEmpty()) {
                        err.println("onramp: " + messages.get("cli.business.delete.noTerminal"));
                        return OnrampCommand.FAILED;
                    }
                    if (!Answers.typedYes(messages, answer.get())) {
                        out.println(messages.get("cli.business.delete.notDeleted"));
                        return OnrampCommand.CANCELLED;
                    }
                }
                BusinessRemoval.Outcome outcome = app.businessRemoval().deleteWithSteps(tenant.id(),
                        keepSources ? BusinessRemoval.Sources.KEEP : BusinessRemoval.Sources.DELETE, step -> {
                            out.println(messages.render(step));
                            out.flush();
                        });
                if (outcome instanceof BusinessRemoval.Outcome.Deleted) {
                    out.println(messages.render(outcome.text()));
                    return 0;
                }
                err.println("onramp: " + messages.render(outcome.text()));
                return OnrampCommand.FAILED;
            } catch (InvalidInputException e) {
                err.println("onramp: " + messages.message(e));
                return OnrampCommand.FAILED;
            } finally {
                out.flush();
                err.flush();
            }
        }
    }

    /** A change that answers with a sentence. */
    private interface Change {
        String apply(AppContext app);
    }

    private static Integer run(OnrampCommand root, Change change) {
        PrintWriter out = root.env().out();
        PrintWriter err = root.env().err();
        try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(1))) {
            out.println(change.apply(app));
            return 0;
        } catch (InvalidInputException e) {
            err.println("onramp: " + root.messages().message(e));
            return OnrampCommand.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The catalog with its texts in the run's language. */
    private static Catalog catalog(AppContext app, Messages messages) {
        return app.catalog().in(messages.locale());
    }

    /** A type's name in the run's language: "Online store", "Onlineshop"; an unknown type by its id. */
    private static String typeName(AppContext app, String typeId, Messages messages) {
        return catalog(app, messages).businessType(typeId).map(BusinessType::name).orElse(typeId);
    }

    /** A type's name as it reads inside a sentence in the run's language: "online store", "Onlineshop". */
    private static String inSentence(AppContext app, String typeId, Messages messages) {
        return app.catalog().businessType(typeId).map(CatalogWords.of(messages.locale())::inSentence).orElse(typeId);
    }

    /** Whether English puts "an" before it, which the English patterns for such names say. */
    private static boolean startsWithVowel(String typeName) {
        return !typeName.isEmpty() && "aeiou".indexOf(typeName.charAt(0)) >= 0;
    }
}
