package jp.shinko.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jp.shinko.command.access.AdminOperation;
import jp.shinko.command.access.MunicipalRecordChange;
import org.axonframework.commandhandling.CommandHandler;

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
                .that().resideInAnyPackage("jp.shinko.command.problem..", "jp.shinko.command.messaging..",
                        "jp.shinko.command.access..")
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

    /** So that the access check, which refuses commands without a rule, never refuses one by surprise. */
    @ArchTest
    static void everyCommandDeclaresWhoMaySendIt(JavaClasses classes) {
        methods().that().areAnnotatedWith(CommandHandler.class)
                .should(new ArchCondition<>("take a command that is an AdminOperation or a MunicipalRecordChange") {
                    @Override
                    public void check(JavaMethod handler, ConditionEvents events) {
                        JavaClass command = handler.getRawParameterTypes().get(0);
                        if (!command.isAssignableTo(AdminOperation.class)
                                && !command.isAssignableTo(MunicipalRecordChange.class)) {
                            events.add(SimpleConditionEvent.violated(handler, command.getName()
                                    + " declares no access rule; implement AdminOperation or MunicipalRecordChange"));
                        }
                    }
                })
                .check(classes);
    }

    @ArchTest
    static void nothingReachesIntoTheQuerySide(JavaClasses classes) {
        noClasses().should().dependOnClassesThat().resideInAPackage("jp.shinko.query..").check(classes);
    }
}
