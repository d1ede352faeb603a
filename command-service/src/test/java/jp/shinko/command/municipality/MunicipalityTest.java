package jp.shinko.command.municipality;

import java.util.Map;
import jp.shinko.command.messaging.CommandMetadata;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.RatingSchemeAdopted;
import jp.shinko.events.settings.ReasonCodes;
import jp.shinko.events.settings.StatusLegend;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MunicipalityTest {

    private static final MunicipalityCode TAMA = MunicipalityCode.of("132241");
    private static final RegisterMunicipality REGISTER_TAMA = new RegisterMunicipality(TAMA, "多摩市", "Tama");
    private static final MunicipalityRegistered TAMA_REGISTERED = new MunicipalityRegistered(TAMA, "多摩市", "Tama");

    private FixtureConfiguration<Municipality> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Municipality.class);
    }

    @Test
    void registeringANewCodeRecordsTheMunicipality() {
        fixture.givenNoPriorActivity()
                .when(REGISTER_TAMA, commandId("first"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(TAMA_REGISTERED);
    }

    @Test
    void registeringACodeTwiceIsRefusedAndNamesTheRegisteredMunicipality() {
        fixture.given(registeredBy("first"))
                .when(new RegisterMunicipality(TAMA, "多摩町", "Tama"), commandId("second"))
                .expectNoEvents()
                .expectException(MunicipalityAlreadyRegistered.class)
                .expectExceptionMessage("municipality 132241 is already registered as 多摩市; a code is registered once");
    }

    @Test
    void aRetryOfTheSameRequestSucceedsWithoutRecordingAgain() {
        fixture.given(registeredBy("first"))
                .when(REGISTER_TAMA, commandId("first"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameIdempotencyKeyWithDifferentContentIsRefused() {
        fixture.given(registeredBy("first"))
                .when(new RegisterMunicipality(TAMA, "多摩市", "Tama City"), commandId("first"))
                .expectNoEvents()
                .expectException(IdempotencyKeyReused.class)
                .expectExceptionMessage("Idempotency-Key first was already used for a request with different content; "
                        + "send a new key for a new request");
    }

    private static Map<String, Object> commandId(String id) {
        return Map.of(CommandMetadata.COMMAND_ID, id);
    }

    @Test
    void aNewRatingSchemeIsAdoptedAndTheOneInForceIsNotAdoptedTwice() {
        RatingSchemeAdopted adopted = new RatingSchemeAdopted(TAMA, FiscalYear.reiwa(7), RatingScheme.DEFAULT);
        fixture.given(registeredBy("first"))
                .when(new AdoptRatingScheme(TAMA, FiscalYear.reiwa(7), RatingScheme.DEFAULT))
                .expectEvents(adopted)
                .expectResultMessagePayload(true);
        fixture.given(registeredBy("first"), adopted)
                .when(new AdoptRatingScheme(TAMA, FiscalYear.reiwa(7), RatingScheme.DEFAULT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void theSameSchemeFromAnotherFiscalYearIsANewAdoption() {
        fixture.given(registeredBy("first"), new RatingSchemeAdopted(TAMA, FiscalYear.reiwa(5), RatingScheme.DEFAULT))
                .when(new AdoptRatingScheme(TAMA, FiscalYear.reiwa(7), RatingScheme.DEFAULT))
                .expectEvents(new RatingSchemeAdopted(TAMA, FiscalYear.reiwa(7), RatingScheme.DEFAULT));
    }

    @Test
    void theDefaultLegendAndReasonsAreInForceUntilOthersAreAdopted() {
        fixture.given(registeredBy("first"))
                .when(new AdoptStatusLegend(TAMA, StatusLegend.DEFAULT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(registeredBy("first"))
                .when(new AdoptReasonCodes(TAMA, ReasonCodes.DEFAULT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    private static Object registeredBy(String commandId) {
        return GenericEventMessage.asEventMessage(TAMA_REGISTERED)
                .andMetaData(MetaData.with(CommandMetadata.COMMAND_ID, commandId));
    }
}
