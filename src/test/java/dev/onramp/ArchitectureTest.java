package dev.onramp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of DESIGN.md and the ADRs, checked against the compiled main classes. */
@AnalyzeClasses(packages = "dev.onramp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsFreeOfJavaFx = noClasses()
            .that().resideInAnyPackage("dev.onramp.model..", "dev.onramp.catalog..", "dev.onramp.connect..",
                    "dev.onramp.airbyte..", "dev.onramp.oauth..", "dev.onramp.store..", "dev.onramp.demo..",
                    "dev.onramp.cli..", "dev.onramp.diagnostics..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("the core must run headless, from the command line and in tests (DESIGN.md: UI-free core)");

    @ArchTest
    static final ArchRule jdbcOnlyInStore = noClasses()
            .that().resideOutsideOfPackage("dev.onramp.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..",
                    "org.flywaydb..")
            .because("only the store knows there is a database");

    @ArchTest
    static final ArchRule httpOnlyAtTheEdges = noClasses()
            .that().resideOutsideOfPackages("dev.onramp.airbyte..", "dev.onramp.oauth..", "dev.onramp.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "com.sun.net.httpserver..",
                    "com.github.mizosoft.methanol..")
            .because("HTTP belongs to the Airbyte gateway, the loopback receiver and the simulator");

    @ArchTest
    static final ArchRule modelIsRecordsOnly = classes()
            .that().resideInAPackage("dev.onramp.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.onramp.model..", "java..")
            .because("the model is plain records and enums every layer can share");

    @ArchTest
    static final ArchRule uiUsesServicesOnly = noClasses()
            .that().resideInAPackage("dev.onramp.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.onramp.store..", "dev.onramp.airbyte..",
                    "dev.onramp.demo..", "dev.onramp.cli..")
            .because("views drive the same services as the command line (DESIGN.md: one ConnectService)");

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
            .because("the simulator stands in for Airbyte, so it may share nothing with its client but the wire");

    @ArchTest
    static final ArchRule onlyFxExecutorHopsToTheFxThread = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.onramp.ui.FxExecutor")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("one FxExecutor is the only way onto the FX thread (DESIGN.md)");

    @ArchTest
    static final ArchRule noCyclesBetweenLayers = slices()
            .matching("dev.onramp.(*)..")
            .should().beFreeOfCycles();
}
