package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.connect.BusinessRemoval;
import dev.onramp.model.BusinessType;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code onramp business}: lists, creates, renames, retypes and deletes the businesses being onboarded. */
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
                    out.println(tenant.name() + "  (" + typeName(app, tenant.businessTypeId()) + ")");
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
            return run(parent.root, app -> {
                if (app.catalog().businessType(type.strip()).isEmpty()) {
                    throw new InvalidInputException("Onramp knows no business type \"" + type.strip() + "\"; the types"
                            + " are " + app.catalog().businessTypes().stream().map(BusinessType::id)
                                    .collect(Collectors.joining(", ")) + ".");
                }
                Tenant created = app.tenants().create(name, type.strip());
                return "Created " + created.name() + ", " + article(typeName(app, created.businessTypeId())) + ".";
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
            return run(parent.root, app -> app.catalog().businessTypes().stream()
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
            return run(parent.root, app -> {
                Tenant tenant = Tenants.pick(app, name);
                Tenant renamed = app.tenants().rename(tenant.id(), newName);
                return "Renamed " + tenant.name() + " to " + renamed.name() + ".";
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
            return run(parent.root, app -> {
                Tenant tenant = Tenants.pick(app, name);
                Tenant changed = app.tenants().retype(tenant.id(), type.strip());
                return tenant.name() + " is now " + article(typeName(app, changed.businessTypeId())) + "; recommended: "
                        + app.catalog().recommend(changed.businessTypeId()).stream().filter(r -> r.recommended())
                                .map(r -> r.provider().name()).collect(Collectors.joining(", ")) + ".";
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
            PrintWriter out = root.env().out();
            PrintWriter err = root.env().err();
            try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(1))) {
                Tenant tenant = Tenants.pick(app, name);
                long live = app.connect().connections(tenant.id()).stream().filter(c -> !c.disconnected()).count();
                if (!yes) {
                    out.println("This deletes " + tenant.name() + " from Onramp" + (live == 0 ? "."
                            : keepSources ? "; its " + live + " source(s) stay in Airbyte."
                                    : ", disconnecting its " + live + " connection(s): their sources are deleted in"
                                            + " Airbyte."));
                    out.flush();
                    Optional<String> answer = root.env().lines().ask("Type yes to delete it: ");
                    if (answer.isEmpty()) {
                        err.println("onramp: Nothing was deleted, as there is no terminal to confirm on; run again with"
                                + " --yes to delete it.");
                        return OnrampCommand.FAILED;
                    }
                    if (!answer.get().strip().equalsIgnoreCase("yes")) {
                        out.println("Nothing was deleted.");
                        return OnrampCommand.CANCELLED;
                    }
                }
                BusinessRemoval.Outcome outcome = app.businessRemoval().delete(tenant.id(),
                        keepSources ? BusinessRemoval.Sources.KEEP : BusinessRemoval.Sources.DELETE, step -> {
                            out.println(step);
                            out.flush();
                        });
                if (outcome instanceof BusinessRemoval.Outcome.Deleted) {
                    out.println(outcome.message());
                    return 0;
                }
                err.println("onramp: " + outcome.message());
                return OnrampCommand.FAILED;
            } catch (InvalidInputException e) {
                err.println("onramp: " + e.getMessage());
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
            err.println("onramp: " + e.getMessage());
            return OnrampCommand.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String typeName(AppContext app, String typeId) {
        return app.catalog().businessType(typeId).map(BusinessType::name).orElse(typeId);
    }

    private static String article(String typeName) {
        String lower = typeName.toLowerCase(java.util.Locale.ROOT);
        return ("aeiou".indexOf(lower.charAt(0)) >= 0 ? "an " : "a ") + lower;
    }
}
