package jp.shinko.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.shinko.events.consultation.ConsultationEvent;
import jp.shinko.events.council.CouncilEvent;
import jp.shinko.events.jointproject.JointProjectEvent;
import jp.shinko.events.kpi.KpiEvent;
import jp.shinko.events.municipality.MunicipalityEvent;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.organisation.OrganisationEvent;
import jp.shinko.events.plan.AboutPlan;
import jp.shinko.events.plan.PlanEvent;
import jp.shinko.events.progress.AboutEntry;
import jp.shinko.events.progress.Correctable;
import jp.shinko.events.progress.ProgressEvent;
import jp.shinko.events.settings.SettingsEvent;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

    private static final List<Class<?>> IMPLEMENTATIONS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.shinko.events")
            .stream()
            .filter(type -> type.isAssignableTo(DomainEvent.class) && !type.isInterface())
            .map(JavaClass::reflect)
            .toList();

    @Test
    void listsEveryEventOfThePublishedLanguage() {
        assertThat(EventCatalogue.EVENTS).containsExactlyInAnyOrderElementsOf(
                IMPLEMENTATIONS.stream().map(type -> type.asSubclass(DomainEvent.class)).toList());
    }

    @Test
    void everyEventIsARecordWithAUniqueNameAndARevisionFromOne() {
        Set<String> names = new HashSet<>();
        for (Class<? extends DomainEvent> event : EventCatalogue.EVENTS) {
            EventType type = EventCatalogue.typeOf(event);
            assertThat(event.isRecord()).as("%s is a record", event).isTrue();
            assertThat(names.add(type.name())).as("name %s is unique", type.name()).isTrue();
            assertThat(type.revision()).as("revision of %s", type.name()).isPositive();
        }
    }

    /** Each event is in one sealed family, so the folds over a family are told of every new member. */
    @Test
    void everyEventBelongsToExactlyOneSealedFamily() {
        List<Class<?>> families = List.of(MunicipalityEvent.class, SettingsEvent.class, OrganisationEvent.class,
                CouncilEvent.class, PlanEvent.class, ProgressEvent.class, KpiEvent.class, JointProjectEvent.class,
                ConsultationEvent.class);
        assertThat(families).allMatch(Class::isSealed);
        for (Class<? extends DomainEvent> event : EventCatalogue.EVENTS) {
            assertThat(families.stream().filter(family -> family.isAssignableFrom(event)))
                    .as("the families of %s", event.getSimpleName()).hasSize(1);
        }
        assertThat(families.stream().mapToInt(family -> family.getPermittedSubclasses().length).sum())
                .isEqualTo(EventCatalogue.EVENTS.size());
    }

    /** Events of a plan name it; the events that fill in a cell say which, and the closed years' corrections why. */
    @Test
    void eventsOfAPlanNameItAndEntriesNameTheirCell() {
        for (Class<? extends DomainEvent> event : EventCatalogue.EVENTS) {
            boolean ofAPlan = PlanEvent.class.isAssignableFrom(event) || ProgressEvent.class.isAssignableFrom(event)
                    || KpiEvent.class.isAssignableFrom(event);
            assertThat(AboutPlan.class.isAssignableFrom(event)).as("%s names its plan", event).isEqualTo(ofAPlan);
            if (Correctable.class.isAssignableFrom(event)) {
                assertThat(AboutEntry.class.isAssignableFrom(event)).as("%s fills in a cell", event).isTrue();
            }
        }
    }

    @Test
    void findsAnEventClassByItsLogicalName() {
        assertThat(EventCatalogue.classOf("MunicipalityRegistered")).contains(MunicipalityRegistered.class);
        assertThat(EventCatalogue.classOf("NoSuchEvent")).isEmpty();
    }
}
