package jp.shinko.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

class PublishedEventSerializerTest {

    private final PublishedEventSerializer testSubject = new PublishedEventSerializer();

    @Test
    void storesAPublishedEventUnderItsLogicalNameAndRevision() {
        MunicipalityRegistered event = new MunicipalityRegistered(MunicipalityCode.of("132241"), "多摩市", "Tama");

        SerializedObject<byte[]> stored = testSubject.serialize(event, byte[].class);

        assertThat(stored.getType()).isEqualTo(new SimpleSerializedType("MunicipalityRegistered", "1"));
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                .isEqualTo("{\"municipalityCode\":\"132241\",\"name\":\"多摩市\",\"romanisedName\":\"Tama\"}");
        assertThat((Object) testSubject.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void keepsClassNamesForWhatIsNotAPublishedEvent() {
        assertThat(testSubject.typeForClass(MetaData.class).getName()).isEqualTo(MetaData.class.getName());
    }

    /** A reset stores a ReplayToken that names the classes of the tokens inside it. */
    @Test
    void readsBackTheTokenAProcessorStoresWhenItIsReset() {
        TrackingToken position = GapAwareTrackingToken.newInstance(41, new TreeSet<>(List.of(39L)));
        TrackingToken replay = ReplayToken.createReplayToken(position);

        SerializedObject<byte[]> stored = testSubject.serialize(replay, byte[].class);

        assertThat((Object) testSubject.deserialize(stored)).isEqualTo(replay);
    }

    @Test
    void refusesToLoadAClassOutsideAxonAndThisProjectFromAStoredToken() {
        String json = new String(testSubject.serialize(ReplayToken.createReplayToken(
                        GapAwareTrackingToken.newInstance(41, new TreeSet<>())), byte[].class).getData(),
                StandardCharsets.UTF_8)
                .replace("\"context\":null", "\"context\":{\"@class\":\"java.net.URL\",\"host\":\"example.com\"}");
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, ReplayToken.class.getName(), null);

        assertThatThrownBy(() -> testSubject.deserialize(stored)).isInstanceOf(SerializationException.class)
                .rootCause().hasMessageContaining("java.net.URL").hasMessageContaining("PolymorphicTypeValidator");
    }
}
