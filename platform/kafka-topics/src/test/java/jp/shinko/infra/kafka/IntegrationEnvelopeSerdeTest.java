package jp.shinko.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.shinko.events.EventCatalogue;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.integration.BusinessTime;
import jp.shinko.events.integration.ChainLink;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.events.jointproject.JointProjectRecorded;
import jp.shinko.events.jointproject.PartnerBody;
import jp.shinko.events.jointproject.PartnerKind;
import jp.shinko.events.jointproject.ProjectId;
import jp.shinko.events.jointproject.ProjectResultReported;
import jp.shinko.events.jointproject.ResultFigure;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.ItemRef;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.RatingSchemeAdopted;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IntegrationEnvelopeSerdeTest {

    private static final IntegrationEnvelope TAMA_REGISTERED = IntegrationEnvelope.of(
            "0b6f4c1e-2f47-4a7e-9d0c-8d1f3b2a6e55", "Municipality", "132241", 0,
            Instant.parse("2026-11-22T04:31:00.123Z"), "register-tama", Actor.of("ops-1", Role.ADMIN),
            new ChainLink(1, "3b5d2f0c9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c"),
            new MunicipalityRegistered(MunicipalityCode.of("132241"), "多摩市", "Tama"));

    private final IntegrationEnvelopeSerde testSubject = new IntegrationEnvelopeSerde();

    @Test
    void writesTheEnvelopeThatTheJsonSchemaDescribes() throws IOException {
        String json = new String(testSubject.serializer().serialize("t", TAMA_REGISTERED), StandardCharsets.UTF_8);

        assertThat(schemaErrors(json)).isEmpty();
        assertThat(json).isEqualTo("{\"envelopeVersion\":1,\"eventId\":\"0b6f4c1e-2f47-4a7e-9d0c-8d1f3b2a6e55\","
                + "\"type\":\"MunicipalityRegistered\",\"revision\":1,\"municipalityCode\":\"132241\","
                + "\"aggregateType\":\"Municipality\",\"aggregateId\":\"132241\",\"aggregateSequence\":0,"
                + "\"recordedAt\":\"2026-11-22T04:31:00.123Z\",\"commandId\":\"register-tama\","
                + "\"actor\":{\"subject\":\"ops-1\",\"role\":\"admin\"},"
                + "\"chain\":{\"position\":1,"
                + "\"link\":\"3b5d2f0c9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c\"},"
                + "\"payload\":{\"municipalityCode\":\"132241\",\"name\":\"多摩市\",\"romanisedName\":\"Tama\"}}");
    }

    @Test
    void aJointProjectsEventIsKeyedByItsKeeperAndNamesEveryParticipant() throws IOException {
        MunicipalityCode tokyo = MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT;
        List<MunicipalityCode> participants = List.of(MunicipalityCode.of("132284"), MunicipalityCode.of("133051"),
                MunicipalityCode.of("134023"));
        IntegrationEnvelope adopted = IntegrationEnvelope.of("7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "JointProject",
                "130001:project:r6-akigawa", 0, Instant.parse("2024-06-01T00:00:00Z"), "adopt-r6-akigawa",
                Actor.of("tomoko", Role.METRO_EDITOR), null, new JointProjectRecorded(tokyo,
                        ProjectId.of("r6-akigawa"), new ItemRef(PlanId.of("tama-2026"), ItemId.of("renkei")),
                        "武蔵五日市駅前拠点施設を核とする秋川流域の魅力と回遊性の向上、交流人口・関係人口の創出",
                        "秋川流域の魅力発信", null, participants.get(0), participants.subList(1, 3),
                        List.of(new PartnerBody("3市町村観光協会", PartnerKind.TOURISM_ASSOCIATION)), FiscalYear.of(2024),
                        null));
        IntegrationEnvelope reported = IntegrationEnvelope.of("8c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
                "JointProject", "130001:project:r6-akigawa", 1, Instant.parse("2025-09-01T00:00:00Z"), "r7",
                new Actor("aki", Role.MUNICIPAL_EDITOR, participants.get(0), null), null,
                new ProjectResultReported(tokyo, ProjectId.of("r6-akigawa"), FiscalYear.of(2025), participants.get(0),
                        "2025年7月「フレア五日市」オープン", List.of(new ResultFigure("イベント", BigDecimal.valueOf(12), "回")),
                        participants, null));

        for (IntegrationEnvelope envelope : List.of(adopted, reported)) {
            String json = new String(testSubject.serializer().serialize("t", envelope), StandardCharsets.UTF_8);
            assertThat(schemaErrors(json)).isEmpty();
            assertThat(json).contains("\"municipalityCode\":\"130001\"")
                    .contains("\"participants\":[\"132284\",\"133051\",\"134023\"]");
            assertThat(testSubject.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(envelope);
        }
        assertThat(adopted.participants()).isEqualTo(participants);
        assertThat(TAMA_REGISTERED.participants()).as("a municipality's own record").isNull();
    }

    @Test
    void aQuarterlyStatusCarriesItsFiscalYearAndQuarterAsBusinessTime() throws IOException {
        IntegrationEnvelope status = IntegrationEnvelope.of("5d0e3f52-8c1b-4b53-9b61-1f0c2a7d9e10", "Plan",
                "132039:plan:sangyo-2", 741, Instant.parse("2024-05-01T01:00:00Z"), "q4-r1",
                Actor.of("ops-1", Role.ADMIN), null, new PeriodStatusRecorded(MunicipalityCode.of("132039"),
                        PlanId.of("sangyo-2"), ItemId.of("r1"), "秘書広報課", FiscalYear.of(2023), Quarter.of(4), "△", "3",
                                null, null));
        String json = new String(testSubject.serializer().serialize("t", status), StandardCharsets.UTF_8);

        assertThat(schemaErrors(json)).isEmpty();
        assertThat(json).as("the cell is derived, never written").doesNotContain("entryRef")
                .contains("\"planId\":\"sangyo-2\",\"itemId\":\"r1\"");
        assertThat(json).contains("\"aggregateSequence\":741,\"businessTime\":{\"fiscalYear\":2023,\"quarter\":4},"
                + "\"recordedAt\":\"2024-05-01T01:00:00Z\"");
        assertThat(testSubject.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(status);
        assertThat(status.businessTime()).isEqualTo(new BusinessTime(2023, 4));
        assertThat(TAMA_REGISTERED.businessTime()).as("a registration is about no period").isNull();
    }

    @Test
    void anEditorsMunicipalityAndOrganisationAreReadBack() throws IOException {
        IntegrationEnvelope byEditor = new IntegrationEnvelope(TAMA_REGISTERED.envelopeVersion(),
                TAMA_REGISTERED.eventId(), TAMA_REGISTERED.type(), TAMA_REGISTERED.revision(),
                TAMA_REGISTERED.municipalityCode(), TAMA_REGISTERED.aggregateType(), TAMA_REGISTERED.aggregateId(),
                TAMA_REGISTERED.aggregateSequence(), null, TAMA_REGISTERED.recordedAt(), TAMA_REGISTERED.commandId(),
                new Actor("alice", Role.MUNICIPAL_EDITOR, MunicipalityCode.of("132241"), "商工会議所"),
                TAMA_REGISTERED.chain(), null, TAMA_REGISTERED.payload());
        byte[] bytes = testSubject.serializer().serialize("t", byEditor);

        assertThat(schemaErrors(new String(bytes, StandardCharsets.UTF_8))).isEmpty();
        assertThat(testSubject.deserializer().deserialize("t", bytes)).isEqualTo(byEditor);
    }

    @Test
    void theSchemaDescribesThePayloadOfEveryPublishedEventType() throws IOException {
        JsonNode schema;
        try (InputStream json = IntegrationEnvelope.class.getResourceAsStream(IntegrationEnvelope.JSON_SCHEMA)) {
            schema = JsonMapper.builder().build().readTree(json);
        }

        assertThat(schema.path("$defs").path("payloads").propertyNames())
                .containsExactlyInAnyOrderElementsOf(EventCatalogue.EVENTS.stream().map(EventCatalogue::typeOf)
                        .map(type -> type.name() + "." + type.revision()).toList());
    }

    @Test
    void aSettingsEventIsWrittenAsTheSchemaDescribesAndReadBack() throws IOException {
        IntegrationEnvelope adopted = IntegrationEnvelope.of("e-2", "Municipality", "132284", 1,
                Instant.parse("2026-11-22T04:31:00Z"), "c-2",
                new Actor("clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of("132284"), null), null,
                new RatingSchemeAdopted(MunicipalityCode.of("132284"), FiscalYear.reiwa(5), RatingScheme.DEFAULT));
        byte[] bytes = testSubject.serializer().serialize("t", adopted);

        assertThat(schemaErrors(new String(bytes, StandardCharsets.UTF_8))).isEmpty();
        assertThat(testSubject.deserializer().deserialize("t", bytes)).isEqualTo(adopted);
    }

    @Test
    void readsBackWhatItWrote() {
        byte[] bytes = testSubject.serializer().serialize("t", TAMA_REGISTERED);

        assertThat(testSubject.deserializer().deserialize("t", bytes)).isEqualTo(TAMA_REGISTERED);
    }

    @Test
    void schemaRejectsAPayloadThatDoesNotMatchItsType() throws IOException {
        String json = "{\"envelopeVersion\":1,\"eventId\":\"e\",\"type\":\"MunicipalityRegistered\",\"revision\":1,"
                + "\"municipalityCode\":\"132241\",\"aggregateType\":\"Municipality\",\"aggregateId\":\"132241\","
                + "\"aggregateSequence\":0,\"recordedAt\":\"2026-11-22T04:31:00.123Z\",\"payload\":{\"name\":\"多摩市\"}}";

        assertThat(schemaErrors(json)).isNotEmpty();
    }

    @Test
    void ignoresEnvelopeFieldsAddedByLaterVersions() {
        String json = new String(testSubject.serializer().serialize("t", TAMA_REGISTERED), StandardCharsets.UTF_8)
                .replace("\"commandId\"", "\"addedLater\":true,\"commandId\"");

        assertThat(testSubject.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(TAMA_REGISTERED);
    }

    @Test
    void refusesAnEventTypeThisVersionDoesNotKnow() {
        String json = new String(testSubject.serializer().serialize("t", TAMA_REGISTERED), StandardCharsets.UTF_8)
                .replace("\"type\":\"MunicipalityRegistered\"", "\"type\":\"InventedLater\"");

        assertThatThrownBy(() -> testSubject.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("unknown event type InventedLater");
    }

    private static List<Error> schemaErrors(String json) throws IOException {
        try (InputStream schemaJson = IntegrationEnvelope.class.getResourceAsStream(IntegrationEnvelope.JSON_SCHEMA)) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(schemaJson);
            return schema.validate(json, InputFormat.JSON);
        }
    }
}
