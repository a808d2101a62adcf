package dev.onramp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;

/** The layering rules of docs/architecture.md and the ADRs, checked against the compiled main classes. */
@AnalyzeClasses(packages = "dev.onramp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /**
     * The launchers in the root package: the entry point, the JavaFX application, the window's
     * start-up, {@code mvn javafx:run}'s launcher (src/maven-run) and the jar's, which checks the Java
     * version first (src/launcher).
     */
    private static final DescribedPredicate<JavaClass> LAUNCHER = rootClassNamed("Main", "OnrampApp", "StartupProbe",
            "WindowCommandLine", "WindowUnavailableException", "MavenRunLauncher", "JarLauncher");
    /** The composition root in the root package: what builds every service once, and its options. */
    private static final DescribedPredicate<JavaClass> COMPOSITION_ROOT = rootClassNamed("AppContext", "AppOptions", "SimulatorAddress");

    /**
     * Every top-level package in its place, each layer using only those below it: the launchers start
     * a front end (window or command line), which works through the composition root's services;
     * flows use the business services and the adapters (Airbyte, loopback, store, catalog); all
     * share the model and the words (text: the message bundles and Text, which the model's refusals
     * carry, so it uses nothing; the simulator does not use it). The simulator is reached only from the top, so no production path knows it.
     */
    @ArchTest
    static final ArchRule layersInOrder = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Launcher").definedBy(LAUNCHER)
            .layer("UI").definedBy("dev.onramp.ui..")
            .layer("CLI").definedBy("dev.onramp.cli..")
            .layer("Composition root").definedBy(COMPOSITION_ROOT)
            .layer("Diagnostics").definedBy("dev.onramp.diagnostics..")
            .layer("Connect").definedBy("dev.onramp.connect..")
            .layer("Business").definedBy("dev.onramp.business..")
            .layer("Catalog").definedBy("dev.onramp.catalog..")
            .layer("Airbyte").definedBy("dev.onramp.airbyte..")
            .layer("OAuth").definedBy("dev.onramp.oauth..")
            .layer("Store").definedBy("dev.onramp.store..")
            .layer("Demo").definedBy("dev.onramp.demo..")
            .layer("Text").definedBy("dev.onramp.text..")
            .layer("Model").definedBy("dev.onramp.model..")
            .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("UI").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("CLI").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Composition root").mayOnlyBeAccessedByLayers("Launcher", "CLI")
            .whereLayer("UI").mayOnlyAccessLayers("Diagnostics", "Connect", "Business", "Catalog", "Text", "Model")
            .whereLayer("CLI").mayOnlyAccessLayers("Composition root", "Diagnostics", "Connect", "Business", "Catalog",
                    "Airbyte", "OAuth", "Store", "Demo", "Text", "Model")
            .whereLayer("Composition root").mayOnlyAccessLayers("Diagnostics", "Connect", "Business", "Catalog",
                    "Airbyte", "OAuth", "Store", "Demo", "Text", "Model")
            .whereLayer("Diagnostics").mayOnlyAccessLayers("Airbyte", "OAuth", "Store", "Text", "Model")
            .whereLayer("Connect").mayOnlyAccessLayers("Business", "Catalog", "Airbyte", "OAuth", "Store", "Text", "Model")
            .whereLayer("Business").mayOnlyAccessLayers("Catalog", "Airbyte", "Store", "Text", "Model")
            .whereLayer("Catalog").mayOnlyAccessLayers("Text", "Model")
            .whereLayer("Airbyte").mayOnlyAccessLayers("Text", "Model")
            .whereLayer("OAuth").mayOnlyAccessLayers("Text", "Model")
            .whereLayer("Store").mayOnlyAccessLayers("Text", "Model")
            .whereLayer("Text").mayNotAccessAnyLayer()
            .whereLayer("Demo").mayOnlyAccessLayers("OAuth", "Model")
            .whereLayer("Model").mayOnlyAccessLayers("Text")
            .because("each layer depends only on those below it, so a change lands in one place"
                    + " (ADR 0001, ADR 0017, ADR 0031, docs/architecture.md)");

    @ArchTest
    static final ArchRule everyRootClassHasItsLayer = classes()
            .that().resideInAPackage("dev.onramp").and().doNotHaveSimpleName("package-info")
            .should(ArchConditions.be(DescribedPredicate.or(LAUNCHER, COMPOSITION_ROOT)))
            .because("a class added to the root package takes a place in the layers: a launcher or part of the"
                    + " composition root (ADR 0017)");

    @ArchTest
    static final ArchRule commandLineUsesTheStoreOnlyForItsMaintenanceTools = noClasses()
            .that().resideInAPackage("dev.onramp.cli..")
            .should().dependOnClassesThat(DescribedPredicate.and(
                    JavaClass.Predicates.resideInAPackage("dev.onramp.store.."),
                    DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(
                            dev.onramp.store.DataDirectory.class, dev.onramp.store.DataRemoval.class,
                            dev.onramp.store.AuditLog.class, dev.onramp.store.AuditVerification.class, dev.onramp.store.AuditFormat.class,
                            dev.onramp.store.KeyRotation.class, dev.onramp.store.StoreException.class))))
            .because("the command line drives the services; only its maintenance commands (remove-data, audit"
                    + " verify/export, keys rotate) work on the store itself (ADR 0017)");

    @ArchTest
    static final ArchRule coreIsFreeOfJavaFx = noClasses()
            .that().resideInAnyPackage("dev.onramp.model..", "dev.onramp.catalog..", "dev.onramp.connect..",
                    "dev.onramp.airbyte..", "dev.onramp.oauth..", "dev.onramp.store..", "dev.onramp.demo..",
                    "dev.onramp.cli..", "dev.onramp.diagnostics..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("the core must run headless, from the command line and in tests (ADR 0001)");

    @ArchTest
    static final ArchRule jdbcOnlyInStore = noClasses()
            .that().resideOutsideOfPackage("dev.onramp.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..",
                    "org.flywaydb..")
            .because("only the store knows there is a database (ADR 0001)");

    @ArchTest
    static final ArchRule httpOnlyAtTheEdges = noClasses()
            .that().resideOutsideOfPackages("dev.onramp.airbyte..", "dev.onramp.oauth..", "dev.onramp.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "com.sun.net.httpserver..",
                    "com.github.mizosoft.methanol..")
            .because("HTTP belongs to the Airbyte gateway, the loopback receiver and the simulator (ADR 0001, ADR 0009)");

    @ArchTest
    static final ArchRule modelIsRecordsOnly = classes()
            .that().resideInAPackage("dev.onramp.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.onramp.model..", "dev.onramp.text..", "java..")
            .because("the model is plain records and enums every layer can share; its refusals carry a Text"
                    + " (ADR 0001, ADR 0031)");

    @ArchTest
    static final ArchRule uiUsesServicesOnly = noClasses()
            .that().resideInAPackage("dev.onramp.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.onramp.store..", "dev.onramp.airbyte..",
                    "dev.onramp.demo..", "dev.onramp.cli..")
            .because("views drive the same services as the command line (ADR 0001)");

    @ArchTest
    static final ArchRule demoIsNotABranch = noClasses()
            .that().resideInAnyPackage("dev.onramp.connect..", "dev.onramp.airbyte..", "dev.onramp.oauth..",
                    "dev.onramp.store..", "dev.onramp.catalog..", "dev.onramp.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.onramp.demo..")
            .because("demo mode points the production code at the simulator; no production path knows it (ADR 0002)");

    @ArchTest
    static final ArchRule simulatorSpeaksOnlyTheWire = noClasses()
            .that().resideInAPackage("dev.onramp.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.onramp.airbyte..", "dev.onramp.connect..",
                    "dev.onramp.store..")
            .because("the simulator stands in for Airbyte, so it may share nothing with its client but the wire"
                    + " (ADR 0002)");

    @ArchTest
    static final ArchRule onlyFxExecutorHopsToTheFxThread = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.onramp.ui.FxExecutor")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("one FxExecutor is the only way onto the FX thread (ADR 0003)");

    @ArchTest
    static final ArchRule gatewayImplementationsStayBehindThePort = noClasses()
            .that().resideOutsideOfPackage("dev.onramp.airbyte..")
            .and().doNotHaveFullyQualifiedName("dev.onramp.AppContext")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.onramp.airbyte.ConfigApiGateway")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.onramp.airbyte.PublicApiGateway")
            .because("flows match on the port's sealed SignIn, so a new kind of Airbyte edits airbyte/ and the"
                    + " composition root, not the flows (ADR 0017)");

    @ArchTest
    static final ArchRule noCyclesBetweenLayers = slices()
            .matching("dev.onramp.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle would make two packages one layer in all but name (ADR 0001)");

    private static DescribedPredicate<JavaClass> rootClassNamed(String... simpleNames) {
        java.util.Set<String> names = java.util.Set.of(simpleNames);
        return DescribedPredicate.describe("root classes " + names,
                javaClass -> javaClass.getPackageName().equals("dev.onramp") && names.contains(topLevelName(javaClass)));
    }

    /** The simple name of the top-level class a (possibly nested or anonymous) class belongs to. */
    private static String topLevelName(JavaClass javaClass) {
        String name = javaClass.getName().substring("dev.onramp.".length());
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
