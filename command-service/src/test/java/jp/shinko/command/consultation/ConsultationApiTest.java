package jp.shinko.command.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The desk's consultation cases (seed 003, まちづくり推進コンシェルジュ): a city brings its own
 * question, the desk records one for a city and answers; a city neither brings another's question
 * nor takes over a case, nor answers one.
 */
@CommandServiceTest
class ConsultationApiTest {

    private static final String TOKYO = MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT.value();
    /** Cities of Yamanashi's (19), which no other test registers. */
    private static final String CITY = code("19212");
    private static final String OTHER_CITY = code("19213");
    private static final String CASES = "/municipalities/" + TOKYO + "/consultations/";
    private static final String METRO = TestTokens.of(Actor.of("tomoko", Role.METRO_EDITOR));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        for (String code : new String[] {TOKYO, CITY, OTHER_CITY}) {
            client.post().uri("/municipalities").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                    .header("Idempotency-Key", "consultation-test-" + code).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("code", code, "name", "自治体" + code, "romanisedName", "Jichitai"))
                    .exchange().expectStatus().value(status -> assertThat(status).isIn(201, 409));
        }
    }

    @Test
    void aCityBringsItsOwnQuestionAndTheDeskAnswersIt() {
        Map<String, Object> question = Map.of("municipality", CITY, "question",
                "公衆トイレの改築に使える補助金はないか", "openedOn", "2026-05-12");

        put(CASES + "toilet", Map.of("municipality", OTHER_CITY, "question", "他市の名で"), editorOf(CITY))
                .expectStatus().isForbidden();
        put(CASES + "toilet", question, editorOf(CITY)).expectStatus().isOk();
        put(CASES + "toilet", Map.of("municipality", OTHER_CITY, "question", "乗っ取り", "correctionReason", "誤り"),
                editorOf(OTHER_CITY)).expectStatus().isForbidden();
        put(CASES + "toilet", Map.of("municipality", CITY, "question", "公衆トイレの改築に使える補助金はないか（再）"),
                editorOf(CITY)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("correctionReason");
        put(CASES + "toilet/answer", Map.of("kindOfHelp", "財政支援へのつなぎ", "answer", "自答"), editorOf(CITY))
                .expectStatus().isForbidden();
        put(CASES + "toilet/answer", Map.of("kindOfHelp", "財政支援へのつなぎ",
                "answer", "関係団体の補助金の対象となることを見出し、補助金の活用につなげた。"), METRO)
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);
        put(CASES + "toilet/answer", Map.of("kindOfHelp", "取組事例の紹介", "answer", "別の答え"), METRO)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("correctionReason");

        assertThat(jdbc.sql("select payload_type from event_store.domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number").param(TOKYO + ":consultation:toilet").query(String.class).list())
                .containsExactly("ConsultationOpened", "ConsultationAnswered");
    }

    @Test
    void aCaseThatBreaksARuleIsRefusedAndNothingIsStored() {
        put(CASES + "future", Map.of("municipality", CITY, "question", "質問", "openedOn", "2099-01-01"), METRO)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("openedOn");
        put(CASES + "unregistered", Map.of("municipality", code("19299"), "question", "質問"), METRO)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("municipality");
        put("/municipalities/" + CITY + "/consultations/own", Map.of("municipality", CITY, "question", "質問"),
                editorOf(CITY)).expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("code");
        put(CASES + "no-question", Map.of("municipality", CITY), METRO).expectStatus().isBadRequest();
        put(CASES + "never-opened/answer", Map.of("kindOfHelp", "取組事例の紹介", "answer", "答え"), METRO)
                .expectStatus().isNotFound();

        assertThat(jdbc.sql("select count(*) from event_store.domain_event_entry where aggregate_identifier in "
                        + "(?, ?, ?, ?, ?)").params(TOKYO + ":consultation:future",
                        TOKYO + ":consultation:unregistered", CITY + ":consultation:own",
                        TOKYO + ":consultation:no-question",
                        TOKYO + ":consultation:never-opened").query(Long.class).single()).isZero();
    }

    private RestTestClient.ResponseSpec put(String path, Object body, String token) {
        return client.put().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private static String editorOf(String code) {
        return TestTokens.of(new Actor("editor-" + code, Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null));
    }

    private static String code(String firstFive) {
        return firstFive + MunicipalityCode.checkDigit(firstFive);
    }
}
