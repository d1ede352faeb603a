package jp.shinko.query;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.stream.Stream;

/**
 * The query side reads the published events only: it never touches the command side. Its
 * packages form no cycle, and its plumbing (what every feature may use) knows no feature: a
 * plumbing package may use other plumbing, the root package, and anything outside the query
 * side (the events, the shared infrastructure, the JDK, Spring, Jackson, Axon), but no other
 * package of the query side.
 */
@AnalyzeClasses(packages = "jp.shinko.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QueryServiceArchitectureTest {

    /** Every package of the query side below its root: a feature, unless it is plumbing. */
    private static final String QUERY_PACKAGES = "jp.shinko.query.*..";

    /** The plumbing packages: problem details, paging, exports, positions, instances, dead letters. */
    private static final List<String> PLUMBING = List.of("problem", "web", "export", "position", "instances",
            "deadletter");

    @ArchTest
    static void packagesHaveNoCycles(JavaClasses classes) {
        slices().matching("jp.shinko.query.(*)..").should().beFreeOfCycles().check(classes);
    }

    @ArchTest
    static void plumbingKnowsNoFeature(JavaClasses classes) {
        plumbingRule(PLUMBING).check(classes);
    }

    /** The rule is not empty: every plumbing package it names holds classes, and it finds a feature's use. */
    @ArchTest
    static void theRuleOverPlumbingCanFail(JavaClasses classes) {
        PLUMBING.forEach(name -> assertThat(classes.that(resideInAPackage(packageOf(name)))).as(name).isNotEmpty());
        // the rows an answer "as of" an instant reads are a feature's: asof taken for plumbing breaks the rule
        EvaluationResult asofAsPlumbing = plumbingRule(Stream.concat(PLUMBING.stream(), Stream.of("asof")).toList())
                .evaluate(classes);
        assertThat(asofAsPlumbing.hasViolation()).isTrue();
        assertThat(asofAsPlumbing.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("jp.shinko.query.asof.RowsAsOf")
                        .contains("jp.shinko.query.rows."));
    }

    @ArchTest
    static void nothingTouchesTheCommandSide(JavaClasses classes) {
        noClasses().should().dependOnClassesThat().resideInAPackage("jp.shinko.command..").check(classes);
    }

    /** No class of these plumbing packages depends on a class of any other package of the query side. */
    private static ArchRule plumbingRule(List<String> plumbing) {
        String[] packages = plumbing.stream().map(QueryServiceArchitectureTest::packageOf).toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat(resideInAPackage(QUERY_PACKAGES).and(not(resideInAnyPackage(packages)))
                        .as("are in a package below jp.shinko.query other than " + plumbing))
                .because("every feature may use the plumbing, so the plumbing may use no feature");
    }

    private static String packageOf(String name) {
        return "jp.shinko.query." + name + "..";
    }
}
