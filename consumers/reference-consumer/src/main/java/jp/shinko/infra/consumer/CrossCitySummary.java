package jp.shinko.infra.consumer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.progress.EntryRef;
import jp.shinko.events.settings.RatingBand;
import jp.shinko.events.settings.RatingScheme;
import tools.jackson.databind.JsonNode;

/**
 * The metropolitan government's small cross-city summary, kept from integration envelopes read
 * as plain JSON: per municipality and fiscal year, items by rating (each city's scheme for the
 * year, by the rule in {@code shared-events}), quarterly statuses by symbol, and the time of the
 * last update. Envelopes are deduplicated on {@code eventId}, as the contract asks.
 */
public final class CrossCitySummary {

    /** Figures without an actual yet, or with a target of 0. */
    public static final String NOT_RATED = "未評価";

    private final Set<String> seen = new HashSet<>();
    private long duplicates;
    private long unreadable;
    private final Map<String, TreeMap<Integer, RatingScheme>> schemes = new HashMap<>();
    private final Map<Cell, BigDecimal[]> figures = new HashMap<>();
    private final Map<Cell, String> statuses = new HashMap<>();
    /** The city's own ratings, under the cell of the year's target like the figures they judge. */
    private final Map<Cell, String> cityRatings = new HashMap<>();
    private final Map<CityYear, Instant> lastUpdates = new HashMap<>();
    private final Map<String, ChainHead> chainHeads = new TreeMap<>();

    /** Takes one envelope; false when its event was seen before (a redelivery), which changes nothing. */
    public boolean accept(JsonNode envelope) {
        if (!seen.add(envelope.path("eventId").asString())) {
            duplicates++;
            return false;
        }
        String municipality = envelope.path("municipalityCode").asString();
        JsonNode payload = envelope.path("payload");
        try {
            switch (envelope.path("type").asString()) {
                case "RatingSchemeAdopted" -> schemes.computeIfAbsent(municipality, code -> new TreeMap<>())
                        .put(payload.path("fromFiscalYear").asInt(), scheme(payload.path("scheme")));
                case "AnnualTargetSet" -> figure(municipality, payload)[0] = payload.path("value").decimalValue();
                case "NoTargetSet" -> figure(municipality, payload)[0] = null; // not rated
                case "AnnualActualRecorded" -> figure(municipality, payload)[1] = payload.path("value").decimalValue();
                case "CityRatingRecorded" -> {
                    figure(municipality, payload);
                    cityRatings.put(figureCell(municipality, payload), payload.path("rating").asString());
                }
                case "PeriodStatusRecorded" -> statuses.put(new Cell(municipality, planId(payload),
                        new EntryRef.QuarterStatus(itemId(payload), payload.path("organisation").asString(),
                                fiscalYear(payload), Quarter.of(payload.path("quarter").asInt()))),
                        payload.path("symbol").asString());
                default -> {
                    // other facts count only as an update of their fiscal year
                }
            }
        } catch (IllegalArgumentException unreadable) {
            // a fiscal year or quarter the published language does not know: the fact is not counted
            this.unreadable++;
        }
        JsonNode chain = envelope.path("chain");
        if (chain.has("position")) {
            ChainHead head = new ChainHead(chain.path("position").asLong(), chain.path("link").asString());
            chainHeads.merge(municipality, head, (held, next) -> next.position() > held.position() ? next : held);
        }
        JsonNode businessTime = envelope.path("businessTime");
        if (businessTime.has("fiscalYear")) {
            lastUpdates.merge(new CityYear(municipality, businessTime.path("fiscalYear").asInt()),
                    Instant.parse(envelope.path("recordedAt").asString()),
                    (one, other) -> one.isAfter(other) ? one : other);
        }
        return true;
    }

    /** The last link of a municipality's hash chain that its envelopes carried. */
    public record ChainHead(long position, String link) {
    }

    /**
     * Each municipality's chain head as the envelopes gave it: a copy held outside the event
     * store, to compare with an audit of it ({@code GET /municipalities/{code}/audit/chain}).
     */
    public Map<String, ChainHead> chainHeads() {
        return Map.copyOf(chainHeads);
    }

    /** Redeliveries seen and ignored so far. */
    public long duplicates() {
        return duplicates;
    }

    /** Envelopes whose fiscal year or quarter could not be read, so their figure or status was not counted. */
    public long unreadable() {
        return unreadable;
    }

    /** Distinct events taken so far. */
    public long events() {
        return seen.size();
    }

    /** One municipality's fiscal year: items by rating, statuses by symbol, and the last update. */
    public record Line(String municipalityCode, int fiscalYear, Map<String, Long> ratings,
            Map<String, Long> statusSymbols, Instant lastUpdate) {
    }

    /** The summary, by municipality and fiscal year. */
    public List<Line> lines() {
        Map<CityYear, Map<String, Long>> ratings = new HashMap<>();
        figures.forEach((cell, figure) -> {
            CityYear line = cell.cityYear();
            RatingScheme scheme = schemeFor(line.municipalityCode(), line.fiscalYear());
            Map<String, Long> counts = ratings.computeIfAbsent(line, any -> bands(scheme));
            Optional<RatingBand> rating = scheme.ratingThatCounts(figure[0], figure[1], cityRatings.get(cell));
            counts.merge(rating.map(RatingBand::label).orElse(NOT_RATED), 1L, Long::sum);
        });
        Map<CityYear, Map<String, Long>> symbols = new HashMap<>();
        statuses.forEach((cell, symbol) -> symbols.computeIfAbsent(cell.cityYear(), line -> new TreeMap<>())
                .merge(symbol, 1L, Long::sum));
        Set<CityYear> keys = new TreeSet<>(lastUpdates.keySet());
        keys.addAll(ratings.keySet());
        keys.addAll(symbols.keySet());
        List<Line> lines = new ArrayList<>();
        for (CityYear key : keys) {
            lines.add(new Line(key.municipalityCode(), key.fiscalYear(), ratings.getOrDefault(key, Map.of()),
                    symbols.getOrDefault(key, Map.of()), lastUpdates.get(key)));
        }
        return lines;
    }

    /** A municipality's fiscal year: one line of the summary. */
    private record CityYear(String municipalityCode, int fiscalYear) implements Comparable<CityYear> {

        @Override
        public int compareTo(CityYear other) {
            return Comparator.comparing(CityYear::municipalityCode).thenComparingInt(CityYear::fiscalYear)
                    .compare(this, other);
        }
    }

    /**
     * One cell of a city's plan, named as the published language names it; an item's target and
     * actual of a year are kept together under the cell of its target.
     */
    private record Cell(String municipalityCode, PlanId planId, EntryRef cell) {

        CityYear cityYear() {
            return new CityYear(municipalityCode, cell.accept(FISCAL_YEAR));
        }
    }

    private static final EntryRef.Visitor<Integer> FISCAL_YEAR = new EntryRef.Visitor<>() {

        @Override
        public Integer annualFigure(EntryRef.AnnualFigure figure) {
            return figure.fiscalYear().value();
        }

        @Override
        public Integer quarterStatus(EntryRef.QuarterStatus status) {
            return status.fiscalYear().value();
        }

        @Override
        public Integer reviewSheet(EntryRef.ReviewSheet sheet) {
            return sheet.fiscalYear().value();
        }

        @Override
        public Integer kpiObservation(EntryRef.KpiObservation observation) {
            return observation.reference().toYear();
        }

        @Override
        public Integer cityRating(EntryRef.CityRating rating) {
            return rating.fiscalYear().value();
        }
    };

    private BigDecimal[] figure(String municipality, JsonNode payload) {
        return figures.computeIfAbsent(figureCell(municipality, payload), key -> new BigDecimal[2]);
    }

    private static Cell figureCell(String municipality, JsonNode payload) {
        return new Cell(municipality, planId(payload),
                new EntryRef.AnnualFigure(itemId(payload), fiscalYear(payload), EntryRef.Figure.TARGET));
    }

    private static PlanId planId(JsonNode payload) {
        return PlanId.of(payload.path("planId").asString());
    }

    private static ItemId itemId(JsonNode payload) {
        return ItemId.of(payload.path("itemId").asString());
    }

    private static FiscalYear fiscalYear(JsonNode payload) {
        return FiscalYear.of(payload.path("fiscalYear").asInt());
    }

    /** The scheme a city adopted latest from the year or before; the seed tables' scheme until it adopts one. */
    private RatingScheme schemeFor(String municipality, int year) {
        TreeMap<Integer, RatingScheme> adopted = schemes.get(municipality);
        Map.Entry<Integer, RatingScheme> applies = adopted == null ? null : adopted.floorEntry(year);
        return applies == null ? RatingScheme.DEFAULT : applies.getValue();
    }

    private static Map<String, Long> bands(RatingScheme scheme) {
        Map<String, Long> counts = new LinkedHashMap<>();
        scheme.bands().forEach(band -> counts.put(band.label(), 0L));
        counts.put(NOT_RATED, 0L);
        return counts;
    }

    private static RatingScheme scheme(JsonNode scheme) {
        List<RatingBand> bands = new ArrayList<>();
        for (JsonNode band : scheme.path("bands")) {
            bands.add(new RatingBand(band.path("label").asString(), band.path("description").asString(null),
                    band.has("minimumPercent") ? band.path("minimumPercent").decimalValue() : null,
                    band.path("minimumIncluded").asBoolean(false)));
        }
        return new RatingScheme(bands);
    }
}
