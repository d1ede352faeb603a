package jp.shinko.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.shinko.events.municipality.MunicipalityRegistered;
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

    @Test
    void findsAnEventClassByItsLogicalName() {
        assertThat(EventCatalogue.classOf("MunicipalityRegistered")).contains(MunicipalityRegistered.class);
        assertThat(EventCatalogue.classOf("NoSuchEvent")).isEmpty();
    }
}
