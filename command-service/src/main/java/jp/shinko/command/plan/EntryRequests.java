package jp.shinko.command.plan;

import static jp.shinko.command.problem.RequestFields.text;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.progress.NarrativeField;
import jp.shinko.infra.edge.FieldProblem;
import jp.shinko.infra.edge.InvalidRequest;
import jp.shinko.infra.edge.MultiLineText;

/**
 * The one mapping from an entry as a request sends it to the command that records it, shared
 * by the single-entry endpoints and the whole table, so that a row of a table is checked
 * exactly as the same entry sent alone.
 */
final class EntryRequests {

    private static final BigDecimal LARGEST = new BigDecimal("1000000000000");
    private static final String UNIT = "\\S{1,10}";
    private static final int NARRATIVE_LENGTH = 4000;
    private static final String EXPECTED_VERSION = "The entry's version you read (0 before its first value); "
            + "a 409 if it changed since";
    private static final String CORRECTION = "Required once the fiscal year is closed: why this entry is corrected";

    private EntryRequests() {
    }

    /** The item an entry is for, from the request's path (or a table's row), checked. */
    record ItemAddress(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId) {

        static ItemAddress inPath(MunicipalityCode code, String planId, String itemId) {
            return new ItemAddress(code, PlanRequests.planId(planId), PlanRequests.itemId("itemId", itemId));
        }
    }

    /** The body of a target or an actual. */
    record AmountRequest(@Schema(example = "20") BigDecimal value, @Schema(example = "人") String unit,
            @Schema(description = CORRECTION) @MultiLineText String correctionReason,
            @Schema(description = EXPECTED_VERSION) Long expectedVersion) implements Correctable {
    }

    static PlanCommands.SetAnnualTarget target(ItemAddress item, FiscalYear fiscalYear, AmountRequest request) {
        return new PlanCommands.SetAnnualTarget(item.municipalityCode(), item.planId(), item.itemId(),
                fiscalYear,
                amount("value", request.value()), unit(request.unit()), correction(request),
                RequestFields.version("expectedVersion", request.expectedVersion()));
    }

    static PlanCommands.RecordAnnualActual actual(ItemAddress item, FiscalYear fiscalYear, AmountRequest request) {
        return new PlanCommands.RecordAnnualActual(item.municipalityCode(), item.planId(), item.itemId(),
                fiscalYear,
                amount("value", request.value()), unit(request.unit()), correction(request),
                RequestFields.version("expectedVersion", request.expectedVersion()));
    }

    /** The body of {@code PUT .../annual-targets/{fiscalYear}/none}. */
    record NoTargetRequest(
            @Schema(description = "Why the year has no target, as the city says it",
                    example = "事業検討段階となるため目標なしとします。") @MultiLineText String reason,
            @Schema(description = CORRECTION) @MultiLineText String correctionReason,
            @Schema(description = EXPECTED_VERSION) Long expectedVersion) implements Correctable {
    }

    static PlanCommands.SetNoTarget noTarget(ItemAddress item, FiscalYear fiscalYear, NoTargetRequest request) {
        return new PlanCommands.SetNoTarget(item.municipalityCode(), item.planId(), item.itemId(), fiscalYear,
                text("reason", request.reason(), 2000, true), correction(request),
                RequestFields.version("expectedVersion", request.expectedVersion()));
    }

    /** The body of {@code PUT .../ratings/{fiscalYear}}. */
    record CityRatingRequest(
            @Schema(description = "A label of the municipality's rating scheme for the year", example = "B")
            String rating,
            @Schema(description = "Why the city judges so, as it says it",
                    example = "下半期に参加者が増加しており、手法の改善で目標に近づく見込み") @MultiLineText String reason,
            @Schema(description = CORRECTION) @MultiLineText String correctionReason,
            @Schema(description = EXPECTED_VERSION) Long expectedVersion) implements Correctable {
    }

    static PlanCommands.RecordCityRating cityRating(ItemAddress item, FiscalYear fiscalYear,
            CityRatingRequest request) {
        return new PlanCommands.RecordCityRating(item.municipalityCode(), item.planId(), item.itemId(), fiscalYear,
                text("rating", request.rating(), 10, true), text("reason", request.reason(), 2000, true),
                correction(request), RequestFields.version("expectedVersion", request.expectedVersion()));
    }

    /** The body of {@code PUT .../period-status/{fiscalYear}/{quarter}}. */
    record PeriodStatusRequest(
            @Schema(description = "Whose row: one of the item's responsible organisations", example = "商工会議所")
            String organisation,
            @Schema(description = "A symbol of the municipality's legend", example = "△") String symbol,
            @Schema(description = "From the municipality's list; required in the 4th quarter for △ □ × -",
                    example = "4") String reasonCode,
            @Schema(description = "Free text, if any") @MultiLineText String remark,
            @Schema(description = CORRECTION) @MultiLineText String correctionReason,
            @Schema(description = EXPECTED_VERSION) Long expectedVersion) implements Correctable {
    }

    static PlanCommands.RecordPeriodStatus status(ItemAddress item, FiscalYear fiscalYear, Quarter quarter,
            PeriodStatusRequest request) {
        return new PlanCommands.RecordPeriodStatus(item.municipalityCode(), item.planId(), item.itemId(),
                text("organisation", request.organisation(), 60, true),
                fiscalYear, quarter,
                text("symbol", request.symbol(), 2, true), text("reasonCode", request.reasonCode(), 10, false),
                text("remark", request.remark(), 2000, false), correction(request),
                RequestFields.version("expectedVersion", request.expectedVersion()));
    }

    /** The body of {@code PUT .../narratives/{fiscalYear}}: the fields to revise; those left out stay. */
    record NarrativeRequest(@Schema(description = "事業内容") @MultiLineText String plannedContent,
            @Schema(description = "目標・注力する所") @MultiLineText String goalsAndFocus,
            @Schema(description = "実施結果") @MultiLineText String results,
            @Schema(description = "以降の課題") @MultiLineText String issuesAhead,
            @Schema(description = "目標とする姿 (Akiruno: written for the plan's last year)")
            @MultiLineText String targetPicture,
            @Schema(description = "実施状況・課題 (Akiruno), 「課題：」 line included") @MultiLineText String statusAndIssues,
            @Schema(description = CORRECTION) @MultiLineText String correctionReason,
            @Schema(description = EXPECTED_VERSION) Long expectedVersion) implements Correctable {
    }

    static PlanCommands.ReviseNarrative narrative(ItemAddress item, FiscalYear fiscalYear, NarrativeRequest request) {
        FiscalYear year = fiscalYear;
        Map<NarrativeField, String> texts = new LinkedHashMap<>();
        narrative(texts, NarrativeField.PLANNED_CONTENT, request.plannedContent());
        narrative(texts, NarrativeField.GOALS_AND_FOCUS, request.goalsAndFocus());
        narrative(texts, NarrativeField.RESULTS, request.results());
        narrative(texts, NarrativeField.ISSUES_AHEAD, request.issuesAhead());
        narrative(texts, NarrativeField.TARGET_PICTURE, request.targetPicture());
        narrative(texts, NarrativeField.STATUS_AND_ISSUES, request.statusAndIssues());
        if (texts.isEmpty()) {
            throw new InvalidRequest(new FieldProblem(NarrativeField.PLANNED_CONTENT.wireName(), null,
                    "at least one of " + NarrativeField.allowed() + " is required"));
        }
        return new PlanCommands.ReviseNarrative(item.municipalityCode(), item.planId(), item.itemId(),
                year, texts, correction(request),
                RequestFields.version("expectedVersion", request.expectedVersion()));
    }

    private static void narrative(Map<NarrativeField, String> texts, NarrativeField field, String text) {
        if (text == null) {
            return;
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > NARRATIVE_LENGTH) {
            throw new InvalidRequest(new FieldProblem(field.wireName(), text, "has at most " + NARRATIVE_LENGTH
                    + " characters"));
        }
        texts.put(field, stripped);
    }

    private static String correction(Correctable request) {
        return text("correctionReason", request.correctionReason(), 400, false);
    }

    /** A request that may correct an entry of a closed fiscal year. */
    private interface Correctable {
        String correctionReason();
    }

    /** A target or actual, trailing zeros dropped: 20.0 人 is 20 人. */
    static BigDecimal amount(String field, BigDecimal value) {
        BigDecimal stripped = RequestFields.decimal(field, value, BigDecimal.ZERO, LARGEST, 4, true)
                .stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String unit(String unit) {
        if (unit == null || !unit.strip().matches(UNIT)) {
            throw new InvalidRequest(new FieldProblem("unit", unit, "is required: 1 to 10 characters without "
                    + "spaces, e.g. 人, 件, 回, 講座, 店 or 部"));
        }
        return unit.strip();
    }}
