package jp.shinko.command.plan;

import static jp.shinko.command.problem.RequestFields.text;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.command.messaging.CommandIds;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.kpi.KpiFigure;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.kpi.KpiTarget;
import jp.shinko.events.kpi.ReferencePeriod;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.infra.edge.FieldProblem;
import jp.shinko.infra.edge.InvalidRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's KPIs (Tama's 成果指標) and the figures published for them. For the city's editors
 * not bound to one organisation.
 */
@RestController
@RequestMapping("/municipalities/{code}/plans/{planId}/kpis/{kpiId}")
class KpiController {

    /** KPI figures are counts, amounts and rates, negative for a net outflow: under a trillion either way. */
    private static final BigDecimal LARGEST = new BigDecimal("1000000000000");
    private static final int FIGURE_SCALE = 4;

    private final CommandGateway commandGateway;

    KpiController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** What a KPI change answers: whether it changed anything. */
    record KpiAnswer(MunicipalityCode municipalityCode, PlanId planId, KpiId kpiId, boolean changed, String commandId) {
    }

    /** A figure for a year ({@code fromYear} alone) or a period. */
    record Figure(@Schema(example = "3603") BigDecimal value, @Schema(example = "2021") Integer fromYear,
            @Schema(description = "The last year of a period; omitted for a single year") Integer toYear,
            @Schema(description = "A second figure printed beside it", example = "298321") BigDecimal secondaryValue,
            @Schema(example = "百万円") String secondaryUnit) {

        KpiFigure toFigure(String field) {
            if (value == null || fromYear == null) {
                throw new InvalidRequest(new FieldProblem(field, null, "needs value and fromYear (and toYear for "
                        + "a period)"));
            }
            try {
                return new KpiFigure(figure(field + ".value", value, true),
                        new ReferencePeriod(fromYear, toYear == null ? fromYear : toYear),
                        figure(field + ".secondaryValue", secondaryValue, false),
                        text(field + ".secondaryUnit", secondaryUnit, 10, false));
            } catch (IllegalArgumentException invalid) {
                throw new InvalidRequest(new FieldProblem(field, value, invalid.getMessage()));
            }
        }
    }

    /** A target: {@code kind} and the fields that kind needs. */
    record Target(@Schema(description = "at-least, at-most, above-kpi, sign or direction") String kind,
            @Schema(description = "at-least / at-most") BigDecimal value,
            @Schema(description = "above-kpi: the KPI to stay above") String otherKpiId,
            @Schema(description = "above-kpi: the first year of the period") Integer fromYear,
            @Schema(description = "The (last) year of the target", example = "2034") Integer byYear,
            @Schema(description = "sign: true for positive, e.g. net inflow") Boolean positive,
            @Schema(description = "direction: true for an increase from the baseline") Boolean increase) {

        KpiTarget toTarget() {
            if (byYear == null || byYear < 1900 || byYear > 2100) {
                throw new InvalidRequest(new FieldProblem("target.byYear", byYear, "is required: a year from 1900 "
                        + "to 2100"));
            }
            onlyFieldsOfItsKind();
            return switch (kind == null ? "" : kind) {
                case "at-least" -> new KpiTarget.AtLeast(figure("target.value", required("target.value", value, kind),
                        true), byYear);
                case "at-most" -> new KpiTarget.AtMost(figure("target.value", required("target.value", value, kind),
                        true), byYear);
                case "above-kpi" -> {
                    if (fromYear == null || fromYear > byYear) {
                        throw new InvalidRequest(new FieldProblem("target.fromYear", fromYear, "is required for "
                                + "above-kpi: the first year of the period, not after byYear"));
                    }
                    yield new KpiTarget.AboveKpi(PlanRequests.kpiId("target.otherKpiId", otherKpiId), fromYear,
                            byYear);
                }
                case "sign" -> new KpiTarget.Sign(required("target.positive", positive, kind), byYear);
                case "direction" -> new KpiTarget.Direction(required("target.increase", increase, kind), byYear);
                default -> throw new InvalidRequest(new FieldProblem("target.kind", kind, "is one of at-least, "
                        + "at-most, above-kpi, sign, direction"));
            };
        }

        /** A field another kind of target takes is refused, never silently dropped. */
        private void onlyFieldsOfItsKind() {
            Map<String, List<String>> fieldsOf = Map.of("at-least", List.of("value"), "at-most", List.of("value"),
                    "above-kpi", List.of("otherKpiId", "fromYear"), "sign", List.of("positive"),
                    "direction", List.of("increase"));
            List<String> own = fieldsOf.get(kind);
            if (own == null) {
                return; // an unknown kind is refused as such
            }
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("value", value);
            given.put("otherKpiId", otherKpiId);
            given.put("fromYear", fromYear);
            given.put("positive", positive);
            given.put("increase", increase);
            given.entrySet().stream().filter(field -> field.getValue() != null && !own.contains(field.getKey()))
                    .findFirst().ifPresent(field -> {
                        throw new InvalidRequest(new FieldProblem("target." + field.getKey(), field.getValue(),
                                "is not a field of a target of kind " + kind));
                    });
        }

        private static <T> T required(String field, T value, String kind) {
            if (value == null) {
                throw new InvalidRequest(new FieldProblem(field, null, "is required for a target of kind " + kind));
            }
            return value;
        }
    }

    /** The body of {@code PUT .../kpis/{kpiId}}. */
    record KpiRequest(@Schema(example = "市内事業所数") String name, @Schema(example = "事業所") String unit,
            @Schema(example = "経済センサス") String source, Figure baseline,
            @Schema(example = "令和7年12月頃") String nextFigureExpected,
            @Schema(description = "Omitted for a KPI that is only the other side of another's target")
            Target target,
            @Schema(description = "The plan's items (Tama's 方向性) whose 対応する成果指標 it is",
                    example = "[\"direction-1\"]") List<String> directions,
            @Schema(description = "The baseline as the city words it, printed as written",
                    example = "1,312人の流出過多 (2020年)") String baselineWording,
            @Schema(description = "The target as the city words it, printed as written",
                    example = "流入過多を目指す (2030年)") String targetWording) {
    }

    /** The body of {@code POST .../kpis/{kpiId}/observations}. */
    record ObservationRequest(Figure figure, @Schema(example = "2025-12-19") String publishedOn) {
    }

    @PutMapping
    @Operation(summary = "Define a KPI of the plan", description = "Its baseline, source, when the next figure is "
            + "expected and its target. Defining it again replaces the definition.")
    @ApiResponse(responseCode = "200", description = "Defined (changed: false when already so)")
    @ApiResponse(responseCode = "422", description = "An above-kpi target names a KPI the plan does not have")
    KpiAnswer define(@Parameter(example = "132241") @PathVariable MunicipalityCode code, @PathVariable String planId,
            @Parameter(example = "establishments") @PathVariable String kpiId, @RequestBody KpiRequest request) {
        if (request.baseline() == null) {
            throw new InvalidRequest(new FieldProblem("baseline", null, "is required: value and fromYear"));
        }
        PlanCommands.DefineKpi command = new PlanCommands.DefineKpi(code,
                PlanRequests.planId(planId), PlanRequests.kpiId("kpiId", kpiId),
                text("name", request.name(), 100, true), text("unit", request.unit(), 10, true),
                text("source", request.source(), 40, false),
                request.baseline().toFigure("baseline"),
                text("nextFigureExpected", request.nextFigureExpected(), 40, false),
                request.target() == null ? null : request.target().toTarget(), directions(request.directions()),
                text("baselineWording", request.baselineWording(), 100, false),
                text("targetWording", request.targetWording(), 100, false));
        return send(code, command.planId(), command.kpiId(), command);
    }

    /** The items a KPI measures, each named once. */
    private static List<ItemId> directions(List<String> sent) {
        List<ItemId> directions = new ArrayList<>();
        List<String> listed = RequestFields.list("directions", sent, 10);
        for (int i = 0; i < listed.size(); i++) {
            ItemId direction = PlanRequests.itemId("directions[" + i + "]", listed.get(i));
            if (directions.contains(direction)) {
                throw new InvalidRequest(new FieldProblem("directions[" + i + "]", listed.get(i), "is listed twice"));
            }
            directions.add(direction);
        }
        return List.copyOf(directions);
    }

    @PostMapping("/observations")
    @Operation(summary = "Record a published figure of a KPI",
            description = "A later figure for the same year or period supersedes the earlier one.")
    @ApiResponse(responseCode = "200", description = "Recorded (changed: false when already so)")
    @ApiResponse(responseCode = "422", description = "The plan has no such KPI")
    KpiAnswer observe(@PathVariable MunicipalityCode code, @PathVariable String planId, @PathVariable String kpiId,
            @RequestBody ObservationRequest request) {
        if (request.figure() == null) {
            throw new InvalidRequest(new FieldProblem("figure", null, "is required: value and fromYear"));
        }
        LocalDate publishedOn;
        try {
            publishedOn = LocalDate.parse(request.publishedOn() == null ? "" : request.publishedOn());
        } catch (DateTimeParseException e) {
            publishedOn = null;
        }
        if (publishedOn == null || publishedOn.getYear() < 1900 || publishedOn.getYear() > 2100) {
            throw new InvalidRequest(new FieldProblem("publishedOn", request.publishedOn(), "is required: a date "
                    + "from 1900 to 2100, such as 2025-12-19"));
        }
        PlanCommands.RecordKpiObservation command = new PlanCommands.RecordKpiObservation(
                code, PlanRequests.planId(planId), PlanRequests.kpiId("kpiId", kpiId),
                request.figure().toFigure("figure"), publishedOn);
        return send(code, command.planId(), command.kpiId(), command);
    }

    private static BigDecimal figure(String field, BigDecimal value, boolean required) {
        return RequestFields.decimal(field, value, LARGEST.negate(), LARGEST, FIGURE_SCALE, required);
    }

    private KpiAnswer send(MunicipalityCode code, PlanId planId, KpiId kpiId, Object command) {
        String commandId = CommandIds.ofThisRequest();
        Boolean changed = commandGateway.sendAndWait(command);
        return new KpiAnswer(code, planId, kpiId, changed, commandId);
    }
}
