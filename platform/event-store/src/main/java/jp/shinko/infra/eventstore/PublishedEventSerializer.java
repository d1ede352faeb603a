package jp.shinko.infra.eventstore;

import jp.shinko.events.EventCatalogue;
import jp.shinko.events.EventType;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Axon's Jackson 3 serializer that stores published events under their logical
 * {@link EventType} name and revision rather than their Java class name.
 *
 * <p>Stored events thereby survive renaming or moving a class, and the stored type is the same
 * name the Kafka envelope carries. Everything that is not a published event (tokens, metadata,
 * snapshots) keeps Axon's class-name typing.
 *
 * <p>Axon's tokens name the classes of nested tokens (a {@code ReplayToken} holds the token it
 * replays to). Jackson 3 refuses such class names for {@code Object}-typed fields unless told
 * which classes are allowed; this serializer allows Axon's and this project's classes only, so
 * a stored token can never make it load an arbitrary class.
 */
final class PublishedEventSerializer extends Jackson3Serializer {

    private static final PolymorphicTypeValidator AXON_AND_OWN_CLASSES = BasicPolymorphicTypeValidator.builder()
            .allowIfSubType("org.axonframework.")
            .allowIfSubType("jp.shinko.")
            .build();

    PublishedEventSerializer() {
        super(Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(mapper -> mapper.polymorphicTypeValidator(AXON_AND_OWN_CLASSES)));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        if (type != null && EventCatalogue.isPublished(type)) {
            EventType eventType = EventCatalogue.typeOf(type);
            return new SimpleSerializedType(eventType.name(), Integer.toString(eventType.revision()));
        }
        return super.typeForClass(type);
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return EventCatalogue.classOf(serializedType.getName())
                .map(Class::getName)
                .orElseGet(serializedType::getName);
    }
}
