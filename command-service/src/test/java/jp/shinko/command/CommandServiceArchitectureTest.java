package jp.shinko.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by feature: features stand beside each other; shared plumbing knows no feature. */
@AnalyzeClasses(packages = "jp.shinko.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandServiceArchitectureTest {

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("jp.shinko.command.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule plumbingKnowsNoFeature = noClasses()
            .that().resideInAnyPackage("jp.shinko.command.problem..", "jp.shinko.command.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("jp.shinko.command.municipality..",
                    "jp.shinko.command.relay..");

    @ArchTest
    static final ArchRule theRelayIsIndependentOfEachFeature = noClasses()
            .that().resideInAPackage("jp.shinko.command.relay..")
            .should().dependOnClassesThat().resideInAPackage("jp.shinko.command.municipality..");

    @ArchTest
    static final ArchRule nothingReachesIntoTheQuerySide = noClasses()
            .should().dependOnClassesThat().resideInAPackage("jp.shinko.query..");
}
