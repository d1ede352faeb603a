package jp.shinko.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The query side reads the published events only: it never touches the command side. */
@AnalyzeClasses(packages = "jp.shinko.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QueryServiceArchitectureTest {

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("jp.shinko.query.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule plumbingKnowsNoFeature = noClasses()
            .that().resideInAPackage("jp.shinko.query.problem..")
            .should().dependOnClassesThat().resideInAPackage("jp.shinko.query.municipality..");

    @ArchTest
    static final ArchRule nothingTouchesTheCommandSide = noClasses()
            .should().dependOnClassesThat().resideInAPackage("jp.shinko.command..");
}
