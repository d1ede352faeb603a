package jp.shinko.command.municipality;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.settings.RatingBand;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.ReasonCode;
import jp.shinko.events.settings.ReasonCodes;
import jp.shinko.events.settings.ReportingDeadlines;
import jp.shinko.events.settings.StatusLegend;
import jp.shinko.events.settings.StatusSymbol;
import jp.shinko.infra.edge.FieldProblem;
import jp.shinko.infra.edge.InvalidRequest;

/** The bodies of the settings endpoints; each becomes its published value type, which checks it. */
final class SettingsRequests {

    /** The most bands, symbols or reasons a city's list has. */
    private static final int MAX_LISTED = 20;
    /** The highest minimum of a rating band, in percent. */
    private static final BigDecimal MAX_PERCENT = new BigDecimal("10000");

    private SettingsRequests() {
    }

    /** The body of {@code PUT /municipalities/{code}/rating-scheme}. */
    @Schema(description = "A rating scheme and the first fiscal year it rates")
    record RatingSchemeRequest(
            @Schema(description = "First fiscal year rated with it: 2023, R5 or 令和5", example = "R5")
            String fromFiscalYear,
            @Schema(description = "From the highest rating down; the lowest has no minimum")
            List<Band> bands) {

        AdoptRatingScheme toCommand(MunicipalityCode code) {
            return new AdoptRatingScheme(code,
                    RequestFields.fiscalYear("fromFiscalYear", fromFiscalYear),
                    new RatingScheme(indexed(required("bands", bands), Band::toBand, "bands")));
        }
    }

    /** One band of a rating scheme. */
    record Band(
            @Schema(example = "A") String label,
            @Schema(example = "目標値どおり") String description,
            @Schema(description = "Lowest achievement rate in percent; omitted for the lowest band", example = "90")
            BigDecimal minimumPercent,
            @Schema(description = "Whether a rate exactly at the minimum is in the band (default true: at least)")
            Boolean minimumIncluded) {

        RatingBand toBand(String field) {
            return new RatingBand(RequestFields.text(field + ".label", label, 10, true),
                    RequestFields.text(field + ".description", description, 100, false),
                    RequestFields.decimal(field + ".minimumPercent", minimumPercent, BigDecimal.ZERO, MAX_PERCENT, 2,
                            false),
                    !Boolean.FALSE.equals(minimumIncluded));
        }
    }

    /** The body of {@code PUT /municipalities/{code}/status-legend}. */
    @Schema(description = "The symbols quarterly status is reported with")
    record StatusLegendRequest(List<Symbol> symbols) {

        AdoptStatusLegend toCommand(MunicipalityCode code) {
            return new AdoptStatusLegend(code,
                    new StatusLegend(indexed(required("symbols", symbols), Symbol::toSymbol, "symbols")));
        }
    }

    /** One symbol of a status legend. */
    record Symbol(
            @Schema(example = "△") String symbol,
            @Schema(example = "遅れ・課題あり") String meaning,
            @Schema(description = "Whether a 4th-quarter status with this symbol needs a reason code (default false)")
            Boolean reasonRequiredInFourthQuarter) {

        StatusSymbol toSymbol(String field) {
            return new StatusSymbol(symbol, RequestFields.text(field + ".meaning", meaning, 100, true),
                    Boolean.TRUE.equals(reasonRequiredInFourthQuarter));
        }
    }

    /** The body of {@code PUT /municipalities/{code}/reason-codes}. */
    @Schema(description = "The reasons a 4th-quarter status not on track is given with")
    record ReasonCodesRequest(List<Reason> reasons) {

        AdoptReasonCodes toCommand(MunicipalityCode code) {
            return new AdoptReasonCodes(code,
                    new ReasonCodes(indexed(required("reasons", reasons), Reason::toReason, "reasons")));
        }
    }

    /** One reason code. */
    record Reason(@Schema(example = "3") String code, @Schema(example = "内的要因（優先順位が低い等）の影響") String label) {

        ReasonCode toReason(String field) {
            return new ReasonCode(code, RequestFields.text(field + ".label", label, 200, true));
        }
    }

    /** The body of {@code PUT /municipalities/{code}/reporting-deadlines}. */
    @Schema(description = "When reports fall due, in days after their period ends")
    record ReportingDeadlinesRequest(
            @Schema(description = "Days after a quarter's last day by which its statuses are due", example = "30")
            Integer quarterlyStatusDays,
            @Schema(description = "Days after 31 March by which the fiscal year's actuals are due", example = "90")
            Integer annualActualDays) {

        AdoptReportingDeadlines toCommand(MunicipalityCode code) {
            return new AdoptReportingDeadlines(code, new ReportingDeadlines(
                    days("quarterlyStatusDays", quarterlyStatusDays), days("annualActualDays", annualActualDays)));
        }

        private static int days(String field, Integer days) {
            if (days == null) {
                throw new InvalidRequest(new FieldProblem(field, null, "is required: 0 to "
                        + ReportingDeadlines.MAX_DAYS + " days"));
            }
            return days;
        }
    }

    private static <T> List<T> required(String field, List<T> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidRequest(new FieldProblem(field, null, "is required: a list of objects"));
        }
        return RequestFields.list(field, items, MAX_LISTED);
    }

    /** Each entry read into its value, named by its place in the list ({@code bands[2]}). */
    private static <T, V> List<V> indexed(List<T> entries, BiFunction<T, String, V> read, String field) {
        List<V> values = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            values.add(read.apply(entries.get(i), field + "[" + i + "]"));
        }
        return values;
    }
}
