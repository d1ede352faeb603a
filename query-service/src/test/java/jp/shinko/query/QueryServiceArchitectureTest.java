package jp.shinko.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/** The query side reads the published events only: it never touches the command side. */
@AnalyzeClasses(packages = "jp.shinko.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QueryServiceArchitectureTest {

    @ArchTest
    static void packagesHaveNoCycles(JavaClasses classes) {
        slices().matching("jp.shinko.query.(*)..").should().beFreeOfCycles().check(classes);
    }

    @ArchTest
    static void plumbingKnowsNoFeature(JavaClasses classes) {
        noClasses()
                .that().resideInAPackage("jp.shinko.query.problem..")
                .should().dependOnClassesThat().resideInAPackage("jp.shinko.query.municipality..")
                .check(classes);
    }

    @ArchTest
    static void nothingTouchesTheCommandSide(JavaClasses classes) {
        noClasses().should().dependOnClassesThat().resideInAPackage("jp.shinko.command..").check(classes);
    }
}
