package jp.shinko.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same Idempotency-Key sent by one caller many times at once: exactly one request runs,
 * whatever the bodies; the key is claimed in PostgreSQL, so this holds across instances too.
 * Codes here are Fukushima's (07) and Ibaraki's (08), which no other test uses.
 */
@CommandServiceTest
class IdempotencyRacesTest {

    private static final int AT_ONCE = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    IdempotencyConfiguration.ExpiredKeysPurge purge;

    String base;

    @BeforeEach
    void setUp() {
        base = "http://localhost:" + port;
    }

    @Test
    void twentyDifferentBodiesWithOneKeyAtOnceRunOnceAndTheOthersAreTold() throws Exception {
        String code = "072010";
        String editor = registerWithItem(code, "福島市");
        String key = "race-" + UUID.randomUUID();

        List<HttpResponse<String>> answers = atOnce(index -> put(editor, targetOf(code), key,
                Map.of("value", 10 + index, "unit", "人")));

        long accepted = answers.stream().filter(answer -> answer.statusCode() == 200).count();
        assertThat(accepted).isEqualTo(1);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(200, 409, 422));
        assertThat(answers.stream().filter(answer -> answer.statusCode() != 200))
                .allSatisfy(answer -> assertThat(answer.body()).containsAnyOf(
                        "urn:shinko:problem:idempotency-key-reused",
                        "urn:shinko:problem:idempotency-request-in-progress"));
        assertThat(eventsOf(key)).as("one request's events, not one per request").isEqualTo(1);
    }

    @Test
    void twentyIdenticalRequestsWithOneKeyAtOnceRunOnceAndAllGetItsAnswer() throws Exception {
        String code = "072028";
        String editor = registerWithItem(code, "会津若松市");
        String key = "same-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("value", 25, "unit", "人");

        List<HttpResponse<String>> answers = atOnce(index -> put(editor, targetOf(code), key, body));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.headers().firstValue("Idempotent-Replay").isPresent()))
                .hasSize(AT_ONCE - 1);
        assertThat(eventsOf(key)).isEqualTo(1);
    }

    @Test
    void aKeyReusedBySomeoneWhoMayNotWriteThereIsForbiddenNotReused() throws Exception {
        String code = "072036";
        String editor = registerWithItem(code, "郡山市");
        String key = "mine-" + UUID.randomUUID();
        assertThat(put(editor, targetOf(code), key, Map.of("value", 3, "unit", "人")).statusCode()).isEqualTo(200);

        String sameSubjectAsViewer = TestTokens.of(new Actor("editor-" + code, Role.MUNICIPAL_VIEWER,
                MunicipalityCode.of(code), null));
        HttpResponse<String> other = put(sameSubjectAsViewer, targetOf(code), key, Map.of("value", 4, "unit", "人"));
        HttpResponse<String> same = put(sameSubjectAsViewer, targetOf(code), key, Map.of("value", 3, "unit", "人"));

        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(same.statusCode()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("idempotency");
    }

    @Test
    void anExpiredKeyIsANewRequestAndThePurgeDeletesIt() {
        IdempotencyKeys now = keysAt(Instant.parse("2026-01-10T00:00:00Z"));
        IdempotencyKeys dayLater = keysAt(Instant.parse("2026-01-11T00:00:01Z"));
        String subject = "purge-" + UUID.randomUUID();

        UUID claim = now.claim(subject, "k", "first").orElseThrow();
        assertThat(now.claim(subject, "k", "first")).as("taken while it runs").isEmpty();
        now.answer(subject, "k", claim, 200, "application/json", "{}".getBytes());
        assertThat(now.read(subject, "k")).hasValueSatisfying(kept -> assertThat(kept.answered()).isTrue());

        assertThat(dayLater.read(subject, "k")).as("expired after 24 h").isEmpty();
        assertThat(dayLater.purge()).isGreaterThanOrEqualTo(1);
        assertThat(rows(subject)).isZero();
        assertThat(dayLater.claim(subject, "k", "second")).isPresent();
    }

    @Test
    void theScheduledPurgeDeletesKeysPastTheirRetentionOnly() {
        String subject = "scheduled-" + UUID.randomUUID();
        jdbc.sql("""
                        insert into command.idempotent_request (subject, idempotency_key, fingerprint, state, status,
                            body, answered_at, expires_at)
                        values (?, 'old', 'f', 'answered', 200, ''::bytea, now() - interval '2 days',
                                now() - interval '1 day'),
                               (?, 'young', 'f', 'answered', 200, ''::bytea, now(), now() + interval '1 day')""")
                .params(subject, subject).update();

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select idempotency_key from command.idempotent_request where subject = ?")
                .param(subject).query(String.class).list()).containsExactly("young");
    }

    private IdempotencyKeys keysAt(Instant instant) {
        return new IdempotencyKeys(jdbc, Clock.fixed(instant, ZoneOffset.UTC), Duration.ofHours(24),
                Duration.ofMinutes(2));
    }

    private long rows(String subject) {
        return jdbc.sql("select count(*) from command.idempotent_request where subject = ?").param(subject)
                .query(Long.class).single();
    }

    private long eventsOf(String commandId) {
        return jdbc.sql("select count(*) from event_store.domain_event_entry "
                        + "where convert_from(meta_data, 'UTF8')::jsonb ->> 'commandId' = ?")
                .param(commandId).query(Long.class).single();
    }

    private interface Request {
        HttpResponse<String> send(int index) throws Exception;
    }

    private static List<HttpResponse<String>> atOnce(Request request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                int index = i;
                sent.add(clients.submit(() -> {
                    start.await();
                    return request.send(index);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    private String registerWithItem(String code, String name) throws Exception {
        String admin = TestTokens.admin();
        assertThat(send(admin, "POST", "/municipalities", null, Map.of("code", code, "name", name,
                "romanisedName", "Fukushima")).statusCode()).isEqualTo(201);
        String editor = TestTokens.of(new Actor("editor-" + code, Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code),
                null));
        String plans = "/municipalities/" + code + "/plans";
        assertThat(send(editor, "POST", plans, null, Map.of("id", "p", "name", "計画", "fromFiscalYear", "R5",
                "toFiscalYear", "R6")).statusCode()).isEqualTo(201);
        assertThat(send(editor, "POST", plans + "/p/items", null, Map.of("id", "a", "content", Map.of("number", "1",
                "title", "創業塾", "responsibleOrganisations", List.of("産業振興課")))).statusCode()).isEqualTo(201);
        assertThat(send(editor, "PUT", plans + "/p/items/a/indicator", null, Map.of("name", "参加者数", "unit", "人"))
                .statusCode()).isEqualTo(200);
        return editor;
    }

    private static String targetOf(String code) {
        return "/municipalities/" + code + "/plans/p/items/a/annual-targets/R5";
    }

    private HttpResponse<String> put(String token, String path, String key, Object body) throws Exception {
        return send(token, "PUT", path, key, body);
    }

    private HttpResponse<String> send(String token, String method, String path, String key, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        Optional.ofNullable(key).ifPresent(value -> request.header("Idempotency-Key", value));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
