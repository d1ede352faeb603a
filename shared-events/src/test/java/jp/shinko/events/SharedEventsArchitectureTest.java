package jp.shinko.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/** The published language is a contract for people outside the project: plain Java and Jackson annotations. */
@AnalyzeClasses(packages = "jp.shinko.events", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTest {

    @ArchTest
    static void dependsOnlyOnJavaAndJacksonAnnotations(JavaClasses events) {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "jp.shinko.events..", "com.fasterxml.jackson.annotation..")
                .check(events);
    }

    @ArchTest
    static void eventsAreImmutableRecords(JavaClasses events) {
        classes().that().implement(DomainEvent.class)
                .should().beRecords()
                .andShould().beAnnotatedWith(EventType.class)
                .check(events);
    }
}
