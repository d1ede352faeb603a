package jp.shinko.infra.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.shinko.events.municipality.MunicipalityCode;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The role x endpoint table of a service: each row names an endpoint, the status each
 * {@link Caller} must get, and what else must hold. {@link #tests} calls every row as every
 * caller; {@link #assertCoversEveryEndpoint} fails when the service has an endpoint without a
 * row, so a new endpoint cannot be forgotten.
 */
public final class AccessMatrix {

    /** What an endpoint does with records, and so what is checked beyond the status. */
    public enum Kind {
        /** Stores events: a refused call must store none, an accepted one some. */
        WRITES,
        /** Answers records: a municipal role must find no other municipality in the answer. */
        READS,
        /** Neither, e.g. the API description or health. */
        DESCRIBES
    }

    /** How a row calls its endpoint about a target municipality, with a client that carries the caller's token. */
    @FunctionalInterface
    public interface Call extends BiFunction<RestTestClient, MunicipalityCode, RestTestClient.ResponseSpec> {
    }

    /**
     * One endpoint: who gets which status, what it does, how to call it, and what must exist
     * before the call (not counted as stored by it).
     */
    public record Row(String endpoint, Map<Caller, Integer> statuses, Kind kind, Call call,
            Consumer<MunicipalityCode> given) {

        public Row(String endpoint, Map<Caller, Integer> statuses, Kind kind, Call call) {
            this(endpoint, statuses, kind, call, target -> { });
        }
    }

    /**
     * The endpoints both services have, from their shared platform: the API description, the
     * actuator, RFC 9728 metadata and the error page.
     */
    public static final List<Row> PLATFORM = List.of(
            describes("GET /v3/api-docs", Caller.everybody(200)),
            describes("GET /v3/api-docs.yaml", Caller.everybody(200)),
            describes("GET /v3/api-docs/swagger-config", Caller.everybody(200)),
            describes("GET /swagger-ui.html", Caller.everybody(302)),
            describes("GET /actuator", Caller.adminOnly(200)),
            describes("GET /actuator/health", Caller.everybody(200)),
            describes("GET /actuator/info", Caller.adminOnly(200)),
            describes("GET /actuator/prometheus", Caller.adminOnly(200)),
            describes("GET /actuator/sbom", Caller.adminOnly(200)),
            describes("GET " + EndpointInventory.PROTECTED_RESOURCE_METADATA, Caller.everybody(200)),
            new Row("ANY /error", Caller.adminOnly(403), Kind.DESCRIBES,
                    (client, target) -> client.get().uri("/error").exchange()));

    private final RestTestClient anonymous;
    private final MunicipalityCode another;

    /**
     * @param anonymous a client of the service without a token
     * @param another the municipality of the callers {@code *_OF_ANOTHER}
     */
    public AccessMatrix(RestTestClient anonymous, MunicipalityCode another) {
        this.anonymous = anonymous;
        this.another = another;
    }

    /** A GET that answers no records; the path is the endpoint's. */
    public static Row describes(String endpoint, Map<Caller, Integer> statuses) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        return new Row(endpoint, statuses, Kind.DESCRIBES, (client, target) -> client.get().uri(path).exchange());
    }

    /** Fails unless the rows name exactly the service's endpoints. */
    public static void assertCoversEveryEndpoint(ApplicationContext service, List<Row> rows) {
        assertThat(EndpointInventory.of(service)).as("endpoints of the service (left) and rows of the matrix")
                .isEqualTo(rows.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new)));
    }

    /**
     * One test per row and caller.
     *
     * @param targets the municipality each call is about (fresh ones for writes)
     * @param storedEvents how many events a municipality has, to check writes
     */
    public Stream<DynamicTest> tests(List<Row> rows, Supplier<MunicipalityCode> targets,
            ToIntFunction<MunicipalityCode> storedEvents) {
        return rows.stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> dynamicTest(
                row.endpoint() + " as " + caller + " -> " + row.statuses().get(caller),
                () -> check(row, caller, targets.get(), storedEvents))));
    }

    /** A client that sends the caller's token, or none for {@link Caller#NOBODY}. */
    public RestTestClient clientOf(Caller caller, MunicipalityCode target) {
        return caller.actor(target, another).map(TestTokens::of)
                .map(token -> anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build())
                .orElse(anonymous);
    }

    private void check(Row row, Caller caller, MunicipalityCode target, ToIntFunction<MunicipalityCode> events) {
        row.given().accept(target);
        int eventsBefore = events.applyAsInt(target);

        EntityExchangeResult<String> result = row.call().apply(clientOf(caller, target), target)
                .returnResult(String.class);

        assertThat(result.getStatus().value()).as(row.endpoint() + " as " + caller + ", answered "
                + result.getResponseBody()).isEqualTo(row.statuses().get(caller));
        boolean succeeded = result.getStatus().is2xxSuccessful();
        if (row.kind() == Kind.WRITES) {
            assertThat(events.applyAsInt(target) > eventsBefore).as("stored events").isEqualTo(succeeded);
        }
        if (row.kind() == Kind.READS && succeeded) {
            caller.actor(target, another).filter(actor -> actor.role().isMunicipal()).ifPresent(actor ->
                    assertThat(MunicipalitiesNamed.in(result.getResponseBody())).as("municipalities in the answer")
                            .isSubsetOf(Set.of(actor.municipalityCode().value())));
        }
    }
}
