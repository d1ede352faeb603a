package jp.shinko.infra.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.embedded.LocalIdentityProvider;

/**
 * The benchmark's municipalities, each with a plan ending in FY2026 (four fiscal years, or ten at
 * national scale) whose items count participants: registered and set up through the REST API as
 * an admin and each city's editor would, then changed by the command mix and by whole tables.
 */
final class BenchCities {

    static final String PLAN = "bench";
    static final String ORGANISATION = "産業振興課";
    private static final int LAST_YEAR = 2026;
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(6);

    private final BenchHttp http;
    private final URI command;
    private final List<String> codes;
    private final List<String> editorTokens;
    private final int items;
    private final int firstYear;
    private final int years;

    private BenchCities(BenchHttp http, URI command, List<String> codes, List<String> editorTokens, int items,
            int years) {
        this.http = http;
        this.command = command;
        this.codes = codes;
        this.editorTokens = editorTokens;
        this.items = items;
        this.years = years;
        this.firstYear = LAST_YEAR - years + 1;
    }

    /** The same cities, their commands sent to another command-service instance. */
    BenchCities through(URI otherCommandService) {
        return new BenchCities(http, otherCommandService, codes, editorTokens, items, years);
    }

    BenchCities(BenchHttp http, URI command, LocalIdentityProvider identity, int cities, int items, int years) {
        this.http = http;
        this.command = command;
        this.items = items;
        this.years = years;
        this.firstYear = LAST_YEAR - years + 1;
        this.codes = new ArrayList<>();
        this.editorTokens = new ArrayList<>();
        for (int i = 0; i < cities; i++) {
            String code = withCheckDigit(20000 + i);
            codes.add(code);
            editorTokens.add(identity.tokenFor(new Actor("bench-editor-" + code, Role.MUNICIPAL_EDITOR,
                    MunicipalityCode.of(code), null), TOKEN_VALIDITY));
        }
    }

    /** A municipality code from its five digits: the check digit weighs them 6, 5, 4, 3, 2. */
    static String withCheckDigit(int digits) {
        String five = String.format("%05d", digits);
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (five.charAt(i) - '0') * (6 - i);
        }
        return five + (11 - sum % 11) % 10;
    }

    List<String> codes() {
        return codes;
    }

    int count() {
        return codes.size();
    }

    /** Rows of a whole table: per item and fiscal year a target, an actual, four statuses and a review sheet. */
    int tableRows() {
        return items * years * 7;
    }

    /** Registers city {@code index} and adopts its plan with its items and their indicators. */
    void setUp(int index, String adminToken) throws IOException, InterruptedException {
        String code = codes.get(index);
        String token = editorTokens.get(index);
        http.expectOk("POST", command.resolve("/municipalities"), adminToken,
                Map.of("code", code, "name", "ベンチ市" + index, "romanisedName", "Bench"), null);
        http.expectOk("POST", plans(code), token, Map.of("id", PLAN, "name", "ベンチマーク産業振興計画",
                "fromFiscalYear", String.valueOf(firstYear), "toFiscalYear", String.valueOf(LAST_YEAR)),
                null);
        for (int item = 0; item < items; item++) {
            String id = itemId(item);
            http.expectOk("POST", URI.create(plans(code) + "/" + PLAN + "/items"), token, Map.of("id", id,
                    "content", Map.of("number", String.format("%02d", item + 1), "title", "事業承継セミナー " + id,
                            "responsibleOrganisations", List.of(ORGANISATION), "outlook", "継続")), null);
            http.expectOk("PUT", item(code, id, "/indicator"), token, Map.of("name", "参加者数", "unit", "人"), null);
        }
    }

    /**
     * One command of the mix, on a random city, item and fiscal year: a target or an actual (a
     * quarter each), a quarterly status (a third) or a review sheet's results (a sixth). The first
     * city is left to the stream's commands ({@link #sendStatus}), which run beside the mix.
     */
    void sendRandomCommand() throws IOException, InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int city = 1 + random.nextInt(codes.size() - 1);
        String code = codes.get(city);
        String item = itemId(random.nextInt(items));
        int year = firstYear + random.nextInt(years);
        int kind = random.nextInt(12);
        if (kind < 3) {
            put(city, item(code, item, "/annual-targets/" + year), amount(random));
        } else if (kind < 6) {
            put(city, item(code, item, "/annual-actuals/" + year), amount(random));
        } else if (kind < 10) {
            put(city, item(code, item, "/period-status/" + year + "/" + (1 + random.nextInt(4))),
                    Map.of("organisation", ORGANISATION, "symbol", random.nextBoolean() ? "○" : "◎",
                            "remark", "進捗 " + random.nextInt(1_000_000)));
        } else {
            put(city, item(code, item, "/narratives/" + year),
                    Map.of("results", "セミナーを開催し、参加者 " + random.nextInt(1_000_000) + " 人"));
        }
    }

    /** A city's whole table (every item, year, quarter and a review sheet), with values of this round. */
    Map<String, Object> table(long round) {
        List<Map<String, Object>> itemRows = new ArrayList<>();
        for (int item = 0; item < items; item++) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int year = firstYear; year <= LAST_YEAR; year++) {
                String fiscalYear = String.valueOf(year);
                rows.add(Map.of("kind", "target", "fiscalYear", fiscalYear, "value", 100 + round, "unit", "人"));
                rows.add(Map.of("kind", "actual", "fiscalYear", fiscalYear, "value", 90 + round, "unit", "人"));
                for (int quarter = 1; quarter <= 4; quarter++) {
                    rows.add(Map.of("kind", "status", "fiscalYear", fiscalYear, "quarter", String.valueOf(quarter),
                            "organisation", ORGANISATION, "symbol", round % 2 == 0 ? "○" : "◎",
                            "remark", "第" + round + "回 入力"));
                }
                rows.add(Map.of("kind", "narrative", "fiscalYear", fiscalYear,
                        "results", "セミナーを " + round + " 回開催した"));
            }
            Map<String, Object> itemTable = new LinkedHashMap<>();
            itemTable.put("itemId", itemId(item));
            itemTable.put("entries", rows);
            itemRows.add(itemTable);
        }
        return Map.of("items", itemRows);
    }

    /** Enters city {@code index}'s table; answers the entries it changed. */
    long enterTable(int index, long round) throws IOException, InterruptedException {
        String code = codes.get(index);
        BenchHttp.Answer answer = http.expectOk("POST", URI.create(plans(code) + "/" + PLAN + "/progress"),
                editorTokens.get(index), table(round), null);
        return answer.json().path("entriesChanged").asLong();
    }

    /** A quarterly status of the first item of city {@code index}, with the given Idempotency-Key. */
    void sendStatus(int index, String idempotencyKey, boolean onTrack) throws IOException, InterruptedException {
        String code = codes.get(index);
        http.expectOk("PUT", item(code, itemId(0), "/period-status/" + firstYear + "/1"), editorTokens.get(index),
                Map.of("organisation", ORGANISATION, "symbol", onTrack ? "○" : "◎", "remark", idempotencyKey),
                idempotencyKey);
    }

    private void put(int city, URI uri, Object body) throws IOException, InterruptedException {
        http.expectOk("PUT", uri, editorTokens.get(city), body, null);
    }

    private static Map<String, Object> amount(ThreadLocalRandom random) {
        return Map.of("value", random.nextInt(1, 100_000), "unit", "人");
    }

    private URI plans(String code) {
        return command.resolve("/municipalities/" + code + "/plans");
    }

    private URI item(String code, String itemId, String path) {
        return URI.create(plans(code) + "/" + PLAN + "/items/" + itemId + path);
    }

    private static String itemId(int item) {
        return String.format("i%02d", item + 1);
    }
}
