package jp.shinko.infra.localstack;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.shinko.infra.seeds.SeedLoader;
import tools.jackson.databind.JsonNode;

/**
 * The municipalities of the seed tables, registered through the command API like any user
 * would, each with a fixed Idempotency-Key so that every start can send them again safely.
 */
final class DemoData {

    /** A demo municipality. */
    record Municipality(String code, String name, String romanisedName) {
    }

    /** The seed cities, 東京都 and every municipality taking part in its joint projects (seed 003), in code order. */
    static final List<Municipality> MUNICIPALITIES = List.copyOf(Stream.concat(Stream.of(
                    new Municipality("132039", "武蔵野市", "Musashino"),
                    new Municipality("132217", "清瀬市", "Kiyose"),
                    new Municipality("132225", "東久留米市", "Higashikurume"),
                    new Municipality("132241", "多摩市", "Tama"),
                    new Municipality("132284", "あきる野市", "Akiruno")),
            SeedLoader.metropolitanMunicipalities().stream().map(municipality -> new Municipality(
                    municipality.get("code"), municipality.get("name"), municipality.get("romanisedName"))))
            .collect(Collectors.toMap(Municipality::code, municipality -> municipality, (first, again) -> first,
                    TreeMap::new)).values());

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private DemoData() {
    }

    /** Registers each demo municipality unless it is registered already, as an admin. */
    static void register(Http http, URI commandService, String adminToken) throws IOException, InterruptedException {
        for (Municipality municipality : MUNICIPALITIES) {
            Http.Response response = http.post(commandService.resolve("/municipalities"), adminToken,
                    Map.of("Idempotency-Key", "demo-" + municipality.code()), municipality);
            if (response.status() != 201 && response.status() != 409) {
                throw new IllegalStateException("registering demo municipality " + municipality.code()
                        + " was answered " + response.status() + ": " + response.body());
            }
        }
    }

    /** Waits until the query service lists every demo municipality to a reader of all of them. */
    static void awaitListed(Http http, URI queryService, String token, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Set<String> expected = new HashSet<>(MUNICIPALITIES.stream().map(Municipality::code).toList());
        while (Instant.now().isBefore(deadline)) {
            Set<String> listed = new HashSet<>();
            for (JsonNode item : http.get(queryService.resolve("/municipalities"), token).body().path("items")) {
                listed.add(item.path("code").asString());
            }
            if (listed.containsAll(expected)) {
                return;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new IllegalStateException("the query service did not list the demo municipalities within "
                + timeout.toSeconds() + " s");
    }
}
