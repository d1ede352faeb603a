package jp.shinko.command;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
import jp.shinko.command.access.SharedRecordPart;
import org.axonframework.commandhandling.CommandHandler;

/** Package by feature: features stand beside each other; shared plumbing knows no feature. */
@AnalyzeClasses(packages = "jp.shinko.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandServiceArchitectureTest {

    private static final String[] PLUMBING = {"jp.shinko.command.problem..", "jp.shinko.command.messaging..",
        "jp.shinko.command.access..", "jp.shinko.command.metrics..", "jp.shinko.command.idempotency.."};

    @ArchTest
    static void packagesHaveNoCycles(JavaClasses classes) {
        slices().matching("jp.shinko.command.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * The plumbing every feature uses (problem details, messaging, the access check, metrics,
     * idempotency keys) depends on nothing of this service but other plumbing: a new feature
     * package is covered without being named here.
     */
    @ArchTest
    static void plumbingKnowsNoFeature(JavaClasses classes) {
        classes().that().resideInAnyPackage(PLUMBING)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("jp.shinko.command..")
                        .or(resideInAnyPackage(PLUMBING)))
                .check(classes);
    }

    /** The relay publishes every event as it is stored; it knows no feature either. */
    @ArchTest
    static void theRelayKnowsNoFeature(JavaClasses classes) {
        classes().that().resideInAPackage("jp.shinko.command.relay..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("jp.shinko.command..")
                        .or(resideInAnyPackage("jp.shinko.command.relay..")).or(resideInAnyPackage(PLUMBING)))
                .check(classes);
    }

    /** So that the access check, which refuses commands without a rule, never refuses one by surprise. */
    @ArchTest
    static void everyCommandDeclaresWhoMaySendIt(JavaClasses classes) {
        methods().that().areAnnotatedWith(CommandHandler.class)
                .should(new ArchCondition<>("take a command that is an AdminOperation, a MunicipalRecordChange or a "
                        + "SharedRecordPart") {
                    @Override
                    public void check(JavaMethod handler, ConditionEvents events) {
                        JavaClass command = handler.getRawParameterTypes().get(0);
                        if (!command.isAssignableTo(AdminOperation.class)
                                && !command.isAssignableTo(MunicipalRecordChange.class)
                                && !command.isAssignableTo(SharedRecordPart.class)) {
                            events.add(SimpleConditionEvent.violated(handler, command.getName() + " declares no "
                                    + "access rule; implement AdminOperation, MunicipalRecordChange or "
                                    + "SharedRecordPart"));
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
