package jp.shinko.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/** Package by feature: features stand beside each other; shared plumbing knows no feature. */
@AnalyzeClasses(packages = "jp.shinko.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandServiceArchitectureTest {

    @ArchTest
    static void packagesHaveNoCycles(JavaClasses classes) {
        slices().matching("jp.shinko.command.(*)..").should().beFreeOfCycles().check(classes);
    }

    @ArchTest
    static void plumbingKnowsNoFeature(JavaClasses classes) {
        noClasses()
                .that().resideInAnyPackage("jp.shinko.command.problem..", "jp.shinko.command.messaging..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("jp.shinko.command.municipality..", "jp.shinko.command.relay..")
                .check(classes);
    }

    @ArchTest
    static void theRelayIsIndependentOfEachFeature(JavaClasses classes) {
        noClasses()
                .that().resideInAPackage("jp.shinko.command.relay..")
                .should().dependOnClassesThat().resideInAPackage("jp.shinko.command.municipality..")
                .check(classes);
    }

    @ArchTest
    static void nothingReachesIntoTheQuerySide(JavaClasses classes) {
        noClasses().should().dependOnClassesThat().resideInAPackage("jp.shinko.query..").check(classes);
    }
}
