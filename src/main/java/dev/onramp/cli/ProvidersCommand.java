package dev.onramp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.AppContext;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ProviderSearch;
import dev.onramp.catalog.Recommendation;
import dev.onramp.model.Provider;
import dev.onramp.model.ProviderListing.SupportLevel;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code onramp providers}: lists the providers the hub would show, best match first, as a table or as JSON. */
@Command(name = "providers", mixinStandardHelpOptions = true)
final class ProvidersCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Option(names = "--search", paramLabel = "TEXT")
    String search = "";

    @Option(names = "--category", paramLabel = "NAME")
    String category;

    @Option(names = "--tenant", paramLabel = "NAME")
    String tenantName;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = root.env().out();
        PrintWriter err = root.env().err();
        Catalog catalog = Catalog.bundled();
        Optional<String> chosen = Optional.empty();
        if (category != null) {
            chosen = catalog.categories().stream().filter(c -> c.equalsIgnoreCase(category.strip())).findFirst();
            if (chosen.isEmpty()) {
                err.println("onramp: " + root.messages().get("cli.providers.noCategory", category.strip(),
                        String.join(", ", catalog.categories())));
                return OnrampCommand.WRONG_USAGE;
            }
        }
        Set<String> recommended = tenantName == null ? Set.of() : recommendedFor(catalog);
        List<ProviderSearch.Match> matches = new ProviderSearch(catalog.providers())
                .search(search, chosen.orElse(""), recommended);
        if (json) {
            out.println(asJson(matches, recommended));
        } else if (matches.isEmpty()) {
            out.println(chosen.isPresent() ? root.messages().get("cli.providers.noMatchInCategory", search.strip(), chosen.get())
                    : root.messages().get("cli.providers.noMatch", search.strip()));
        } else {
            printTable(matches, recommended, out, root.messages());
        }
        out.flush();
        return 0;
    }

    private Set<String> recommendedFor(Catalog catalog) {
        try (AppContext app = root.openApp(url -> false, java.time.Duration.ofMinutes(5))) {
            Tenant tenant = Tenants.pick(app, tenantName, root.messages());
            return catalog.recommend(tenant.businessTypeId()).stream().filter(Recommendation::recommended)
                    .map(r -> r.provider().id()).collect(Collectors.toSet());
        }
    }

    private static void printTable(List<ProviderSearch.Match> matches, Set<String> recommended, PrintWriter out,
            Messages messages) {
        String format = "%-32s %-34s %-18s %-11s %s%n";
        out.printf(format, messages.get("cli.providers.column.id"), messages.get("cli.providers.column.name"),
                messages.get("cli.providers.column.category"), messages.get("cli.providers.column.signIn"),
                messages.get("cli.providers.column.note"));
        for (ProviderSearch.Match match : matches) {
            Provider p = match.provider();
            String note = (recommended.contains(p.id()) ? messages.get("cli.providers.recommended") + " " : "")
                    + (p.listing().support() == SupportLevel.CERTIFIED ? messages.get("cli.providers.certified") : "");
            out.printf(format, p.id(), p.name(), p.category(),
                    p.connectsByOAuth() ? "OAuth" : messages.get("cli.providers.credentials"), note.strip());
        }
        out.println(messages.get("cli.providers.count", matches.size()));
    }

    private static String asJson(List<ProviderSearch.Match> matches, Set<String> recommended) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode rows = mapper.createArrayNode();
        for (ProviderSearch.Match match : matches) {
            Provider p = match.provider();
            ObjectNode row = rows.addObject();
            row.put("id", p.id());
            row.put("name", p.name());
            row.put("definitionId", p.definitionId());
            row.put("category", p.category());
            row.put("authMode", p.authMode().name());
            row.put("recommended", recommended.contains(p.id()));
            row.put("support", p.listing().support().name().toLowerCase(java.util.Locale.ROOT));
            row.put("documentationUrl", p.listing().documentationUrl());
        }
        try {
            return mapper.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the providers as JSON", e);
        }
    }
}
