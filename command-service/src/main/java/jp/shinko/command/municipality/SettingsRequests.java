package jp.shinko.command.municipality;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import jp.shinko.command.problem.FieldProblem;
import jp.shinko.command.problem.InvalidRequest;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.settings.RatingBand;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.ReasonCode;
import jp.shinko.events.settings.ReasonCodes;
import jp.shinko.events.settings.ReportingDeadlines;
import jp.shinko.events.settings.StatusLegend;
import jp.shinko.events.settings.StatusSymbol;

/** The bodies of the settings endpoints; each becomes its published value type, which checks it. */
final class SettingsRequests {

    private SettingsRequests() {
    }

    /** The body of {@code PUT /municipalities/{code}/rating-scheme}. */
    @Schema(description = "A rating scheme and the first fiscal year it rates")
    record RatingSchemeRequest(
            @Schema(description = "First fiscal year rated with it: 2023, R5 or 令和5", example = "R5")
            String fromFiscalYear,
            @Schema(description = "From the highest rating down; the lowest has no minimum")
            List<Band> bands) {

        AdoptRatingScheme toCommand(String code) {
            return new AdoptRatingScheme(RequestFields.municipalityInPath(code),
                    RequestFields.fiscalYear("fromFiscalYear", fromFiscalYear),
                    new RatingScheme(required("bands", bands).stream().map(Band::toBand).toList()));
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

        RatingBand toBand() {
            return new RatingBand(label, description, minimumPercent, !Boolean.FALSE.equals(minimumIncluded));
        }
    }

    /** The body of {@code PUT /municipalities/{code}/status-legend}. */
    @Schema(description = "The symbols quarterly status is reported with")
    record StatusLegendRequest(List<Symbol> symbols) {

        AdoptStatusLegend toCommand(String code) {
            return new AdoptStatusLegend(RequestFields.municipalityInPath(code),
                    new StatusLegend(required("symbols", symbols).stream().map(Symbol::toSymbol).toList()));
        }
    }

    /** One symbol of a status legend. */
    record Symbol(
            @Schema(example = "△") String symbol,
            @Schema(example = "遅れ・課題あり") String meaning,
            @Schema(description = "Whether a 4th-quarter status with this symbol needs a reason code (default false)")
            Boolean reasonRequiredInFourthQuarter) {

        StatusSymbol toSymbol() {
            return new StatusSymbol(symbol, meaning, Boolean.TRUE.equals(reasonRequiredInFourthQuarter));
        }
    }

    /** The body of {@code PUT /municipalities/{code}/reason-codes}. */
    @Schema(description = "The reasons a 4th-quarter status not on track is given with")
    record ReasonCodesRequest(List<Reason> reasons) {

        AdoptReasonCodes toCommand(String code) {
            return new AdoptReasonCodes(RequestFields.municipalityInPath(code),
                    new ReasonCodes(required("reasons", reasons).stream().map(Reason::toReason).toList()));
        }
    }

    /** One reason code. */
    record Reason(@Schema(example = "3") String code, @Schema(example = "内的要因（優先順位が低い等）の影響") String label) {

        ReasonCode toReason() {
            return new ReasonCode(code, label);
        }
    }

    /** The body of {@code PUT /municipalities/{code}/reporting-deadlines}. */
    @Schema(description = "When reports fall due, in days after their period ends")
    record ReportingDeadlinesRequest(
            @Schema(description = "Days after a quarter's last day by which its statuses are due", example = "30")
            Integer quarterlyStatusDays,
            @Schema(description = "Days after 31 March by which the fiscal year's actuals are due", example = "90")
            Integer annualActualDays) {

        AdoptReportingDeadlines toCommand(String code) {
            return new AdoptReportingDeadlines(RequestFields.municipalityInPath(code), new ReportingDeadlines(
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
        if (items == null || items.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequest(new FieldProblem(field, null, "is required: a list of objects, none null"));
        }
        return items;
    }
}
