package jp.shinko.command.plan;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import jp.shinko.command.plan.PlanCommands.AddPlanItem;
import jp.shinko.command.plan.PlanCommands.AdoptPlan;
import jp.shinko.command.plan.PlanCommands.CarryOverItem;
import jp.shinko.command.plan.PlanCommands.EndPlan;
import jp.shinko.command.plan.PlanCommands.MovePlanItem;
import jp.shinko.command.plan.PlanCommands.RecordSuccession;
import jp.shinko.command.plan.PlanCommands.RetirePlanItem;
import jp.shinko.command.plan.PlanCommands.RevisePlan;
import jp.shinko.command.plan.PlanCommands.RevisePlanItem;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.jointproject.ProjectId;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.Carryover;
import jp.shinko.events.plan.ItemFlag;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.ItemRef;
import jp.shinko.events.plan.Outlook;
import jp.shinko.events.plan.PartOf;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.plan.RelatedProgramme;
import jp.shinko.infra.edge.FieldProblem;
import jp.shinko.infra.edge.InvalidRequest;
import jp.shinko.infra.edge.MultiLineText;

/** The bodies of the plan endpoints, each read into its command; a bad field is a 400 naming it. */
final class PlanRequests {

    private static final String ITEM_ID_RULE = "1 to 64 letters, digits, '.', '_' and '-', e.g. 3-1 or measure-01";
    private static final int LONGEST_PLAN_YEARS = 30;
    /** The most responsible organisations or focus themes an item lists. */
    private static final int MAX_LISTED = 20;

    private PlanRequests() {
    }

    static PlanId planId(String value) {
        return RequestFields.planId("planId", value);
    }

    static ItemId itemId(String field, String value) {
        return ItemId.of(itemIdText(field, value));
    }

    static KpiId kpiId(String field, String value) {
        return KpiId.of(itemIdText(field, value));
    }

    /**
     * The item whose report this one shares (再掲), as the content took it before ids were typed:
     * stripped, blank meaning none, and an id the plan does not have refused by the plan (422).
     */
    static ItemId reportedWith(String value) {
        String text = RequestFields.text("reportedWithItemId", value, 64, false);
        return text == null ? null : ItemId.of(text);
    }

    /** An item's or a KPI's id as text, checked. */
    static String itemIdText(String field, String value) {
        return RequestFields.identifier(field, value, RequestFields.ID, ITEM_ID_RULE);
    }

    /** The body of {@code POST /municipalities/{code}/plans}. */
    @Schema(description = "A plan to adopt")
    record PlanRequest(
            @Schema(description = "Its identifier within the municipality: " + RequestFields.PLAN_ID_RULE,
                    example = "shoko-2023")
            String id,
            @Schema(example = "あきる野市商工業振興プラン") String name,
            @Schema(description = "First fiscal year: 2023, R5 or 令和5", example = "R5") String fromFiscalYear,
            @Schema(description = "Last fiscal year", example = "R8") String toFiscalYear,
            @Schema(description = "The plan's goal as the city words it (計画の目標), if it states one",
                    example = "主体的な行動と協創により理想をかなえるまち") String goal,
            @Schema(description = "What the city calls each level of the plan's tree, from the top; at most "
                    + ItemTree.MAX_DEPTH + ". Once named, every item is on a named level",
                    example = "[\"方向性\", \"個別施策\", \"実施事業\"]") List<String> levelNames) {

        AdoptPlan toCommand(MunicipalityCode municipality) {
            PlanId planId = RequestFields.planId("id", id);
            String planName = RequestFields.text("name", name, 200, true);
            FiscalYear from = RequestFields.fiscalYear("fromFiscalYear", fromFiscalYear);
            FiscalYear to = lastYear(from, toFiscalYear);
            return new AdoptPlan(municipality, planId, planName, from, to, checkedGoal(goal),
                    checkedLevelNames(levelNames));
        }
    }

    /** The body of {@code PUT /municipalities/{code}/plans/{planId}}: the whole description, as it is to read now. */
    @Schema(description = "What the plan says of itself now, and why it changed")
    record RevisePlanRequest(
            @Schema(example = "あきる野市商工業振興プラン") String name,
            @Schema(description = "First fiscal year: 2023, R5 or 令和5", example = "R5") String fromFiscalYear,
            @Schema(description = "Last fiscal year", example = "R8") String toFiscalYear,
            @Schema(description = "The plan's goal (計画の目標), if it states one") String goal,
            @Schema(description = "What the city calls each level of the plan's tree, from the top")
            List<String> levelNames,
            @Schema(description = "Why, as the city says it", example = "計画期間を1年延長（議会の承認による）")
            @MultiLineText String reason) {

        RevisePlan toCommand(MunicipalityCode municipality, PlanId planId) {
            String planName = RequestFields.text("name", name, 200, true);
            FiscalYear from = RequestFields.fiscalYear("fromFiscalYear", fromFiscalYear);
            FiscalYear to = lastYear(from, toFiscalYear);
            return new RevisePlan(municipality, planId, planName, from, to, checkedGoal(goal),
                    checkedLevelNames(levelNames), RequestFields.text("reason", reason, 400, true));
        }
    }

    /** The body of {@code POST /municipalities/{code}/plans/{planId}/end}. */
    @Schema(description = "The last fiscal year the plan runs, and why it ends")
    record EndPlanRequest(
            @Schema(description = "A fiscal year of the plan's period: 2023, R5 or 令和5", example = "R5")
            String lastFiscalYear,
            @Schema(description = "Why, as the city says it", example = "新たな計画の策定による")
            @MultiLineText String reason) {

        EndPlan toCommand(MunicipalityCode municipality, PlanId planId) {
            return new EndPlan(municipality, planId, RequestFields.fiscalYear("lastFiscalYear", lastFiscalYear),
                    RequestFields.text("reason", reason, 400, true));
        }
    }

    /** The body of {@code PUT /municipalities/{code}/plans/{planId}/predecessor}. */
    @Schema(description = "The plan this one succeeds")
    record SuccessionRequest(@Schema(example = "sangyo-2") String predecessorPlanId) {

        RecordSuccession toCommand(MunicipalityCode municipality, PlanId planId) {
            return new RecordSuccession(municipality, planId,
                    RequestFields.planId("predecessorPlanId", predecessorPlanId));
        }
    }

    /** The body of {@code PUT /municipalities/{code}/plans/{planId}/carryovers/{predecessorItemId}}. */
    @Schema(description = "What became of an item of the predecessor plan in this plan")
    record CarryoverRequest(
            @Schema(description = "continued (継続: one item), merged (統合: into one item), split (分割: into two "
                    + "or more), ended (終了: none)", example = "continued") String kind,
            @Schema(description = "The items of this plan it became", example = "[\"p1-m1-i1\"]") List<String> itemIds,
            @Schema(description = "The city's words on it, if any") @MultiLineText String note) {

        CarryOverItem toCommand(MunicipalityCode municipality, PlanId planId, ItemId predecessorItemId) {
            Carryover carryover = Carryover.of(RequestFields.text("kind", kind, 20, true));
            List<String> sent = RequestFields.list("itemIds", itemIds, MAX_LISTED);
            List<ItemId> items = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                ItemId item = itemId("itemIds[" + i + "]", sent.get(i));
                if (items.contains(item)) {
                    throw new InvalidRequest(new FieldProblem("itemIds[" + i + "]", item.value(), "is listed twice"));
                }
                items.add(item);
            }
            if (!carryover.admits(items.size())) {
                throw new InvalidRequest(new FieldProblem("itemIds", items.size() + " items", "an item " + carryover
                        .wireName() + " names " + switch (carryover) {
                            case CONTINUED, MERGED -> "exactly one item of this plan";
                            case SPLIT -> "two or more items of this plan";
                            case ENDED -> "no item";
                        }));
            }
            return new CarryOverItem(municipality, planId, predecessorItemId, carryover, List.copyOf(items),
                    RequestFields.text("note", note, 400, false));
        }
    }

    /** The last fiscal year of a period from {@code from}: not before it, and at most the longest plan. */
    private static FiscalYear lastYear(FiscalYear from, String toFiscalYear) {
        FiscalYear to = RequestFields.fiscalYear("toFiscalYear", toFiscalYear);
        if (from.isAfter(to) || to.value() - from.value() >= LONGEST_PLAN_YEARS) {
            throw new InvalidRequest(new FieldProblem("toFiscalYear", toFiscalYear, "a plan runs from its first "
                    + "fiscal year (" + from + ") for 1 to " + LONGEST_PLAN_YEARS + " years"));
        }
        return to;
    }

    private static String checkedGoal(String goal) {
        return RequestFields.text("goal", goal, 200, false);
    }

    /** Level names from the top: at most as many as a tree may have levels, each named once. */
    private static List<String> checkedLevelNames(List<String> names) {
        List<String> levels = new ArrayList<>();
        List<String> sent = RequestFields.list("levelNames", names, ItemTree.MAX_DEPTH);
        for (int i = 0; i < sent.size(); i++) {
            String name = RequestFields.text("levelNames[" + i + "]", sent.get(i), 20, true);
            if (levels.contains(name)) {
                throw new InvalidRequest(new FieldProblem("levelNames[" + i + "]", name, name
                        + " names two levels; each level has its own name"));
            }
            levels.add(name);
        }
        return List.copyOf(levels);
    }

    /** What an item says, as in the city's table. */
    record Content(
            @Schema(description = "Its number or code as printed", example = "01") String number,
            @Schema(example = "事業承継セミナー") String title,
            @Schema(description = "The 課 or outside bodies responsible; none where the plan names none (a "
                    + "方向性 or 基本方針 above the items that report)", example = "[\"Bi@Sta\"]")
            List<String> responsibleOrganisations,
            @Schema(description = "新規, 拡充 or 継続", example = "継続") String outlook,
            @Schema(description = "重点事業 (★重点事業) or 新規事業 (【新規事業】)") List<String> flags,
            @Schema(example = "[\"DX\"]") List<String> focusThemes,
            @Schema(example = "P.33") String pageReference,
            @Schema(description = "The item whose report this one shares (再掲)") String reportedWithItemId,
            @Schema(description = "What the plan says of the item under its title (事業概要), as written; at most "
                    + PlanItemContent.LONGEST_DESCRIPTION + " characters") @MultiLineText String description,
            @Schema(description = "Why the item is reported with reportedWithItemId (再掲), as written")
            @MultiLineText String reportedWithNote,
            @Schema(description = "The city's administrative programmes the item is managed with (関連事務事業), "
                    + "each by code and name") List<Programme> relatedProgrammes,
            @Schema(description = "The programmes or joint projects of another government (東京都, 130001) the item "
                    + "belongs to: each its keeper and either programme (planId, itemId) or projectId")
            List<PartOfRequest> partOf) {

        PlanItemContent toContent() {
            return new PlanItemContent(number, title,
                    RequestFields.list("responsibleOrganisations", responsibleOrganisations, MAX_LISTED),
                    outlook == null || outlook.isBlank() ? null : Outlook.of(outlook),
                    RequestFields.list("flags", flags, ItemFlag.values().length).stream().map(ItemFlag::of).toList(),
                    RequestFields.list("focusThemes", focusThemes, MAX_LISTED), pageReference,
                    reportedWith(reportedWithItemId), description, reportedWithNote,
                    RequestFields.list("relatedProgrammes", relatedProgrammes, MAX_LISTED).stream()
                            .map(programme -> new RelatedProgramme(programme.code(), programme.name())).toList(),
                    checkedPartOf());
        }

        private List<PartOf> checkedPartOf() {
            List<PartOfRequest> sent = RequestFields.list("content.partOf", partOf, MAX_LISTED);
            List<PartOf> links = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                links.add(sent.get(i).toPartOf("content.partOf[" + i + "]"));
            }
            return links;
        }
    }

    /** What an item belongs to, as sent. */
    record PartOfRequest(@Schema(example = "130001") String keeper,
            @Schema(description = "A programme: an item of the keeper's plan") PartOfProgramme programme,
            @Schema(example = "r6-platform") String projectId) {

        PartOf toPartOf(String field) {
            MunicipalityCode checkedKeeper = RequestFields.municipalityCode(field + ".keeper", keeper);
            boolean project = projectId != null && !projectId.isBlank();
            if ((programme == null) == !project) {
                throw new InvalidRequest(new FieldProblem(field, null, "names either programme (planId and itemId) "
                        + "or projectId"));
            }
            return project ? new PartOf(checkedKeeper, null, ProjectId.of(RequestFields.identifier(
                    field + ".projectId", projectId, RequestFields.ID, "a joint project's id, e.g. r6-platform")))
                    : new PartOf(checkedKeeper, new ItemRef(RequestFields.planId(field + ".programme.planId",
                            programme.planId()),
                            itemId(field + ".programme.itemId", programme.itemId())), null);
        }
    }

    /** A programme an item belongs to, as sent. */
    record PartOfProgramme(@Schema(example = "tmg-renraku-2026") String planId,
            @Schema(example = "renkei") String itemId) {
    }

    /** A related programme (関連事務事業) as sent: its code and name, checked when the content is made. */
    record Programme(@Schema(example = "0301-05") String code, @Schema(example = "商工振興事業") String name) {
    }

    /** The body of {@code POST /municipalities/{code}/plans/{planId}/items}. */
    @Schema(description = "An item to add, at the top of the plan or under another item")
    record AddItemRequest(
            @Schema(description = "Its identifier within the plan: " + ITEM_ID_RULE, example = "business-01")
            String id,
            @Schema(description = "The item it belongs under; omitted at the top of the plan") String parentItemId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Content content) {

        AddPlanItem toCommand(MunicipalityCode municipality, PlanId planId) {
            return new AddPlanItem(municipality, planId, itemId("id", id),
                    parentItemId == null ? null : itemId("parentItemId", parentItemId), required(content).toContent());
        }
    }

    /** The body of {@code PUT .../items/{itemId}}. */
    @Schema(description = "What the item says now, replacing what it said")
    record ReviseItemRequest(Content content,
            @Schema(description = "The item's version you read; a 409 if it changed since") Long expectedVersion) {

        RevisePlanItem toCommand(MunicipalityCode municipality, PlanId planId, ItemId itemId) {
            return new RevisePlanItem(municipality, planId, itemId, required(content).toContent(),
                    RequestFields.version("expectedVersion", expectedVersion));
        }
    }

    /** The body of {@code POST .../items/{itemId}/move}. */
    @Schema(description = "Where the item goes: under another item (or the top) with its number there")
    record MoveItemRequest(String parentItemId, @Schema(example = "02") String number, Long expectedVersion) {

        MovePlanItem toCommand(MunicipalityCode municipality, PlanId planId, ItemId itemId) {
            return new MovePlanItem(municipality, planId, itemId,
                    parentItemId == null ? null : itemId("parentItemId", parentItemId),
                    RequestFields.text("number", number, 20, true),
                    RequestFields.version("expectedVersion", expectedVersion));
        }
    }

    /** The body of {@code POST .../items/{itemId}/retire}. */
    @Schema(description = "Why the item leaves the plan")
    record RetireItemRequest(@Schema(example = "令和6年度で事業終了") @MultiLineText String reason, Long expectedVersion) {

        RetirePlanItem toCommand(MunicipalityCode municipality, PlanId planId, ItemId itemId) {
            return new RetirePlanItem(municipality, planId, itemId, RequestFields.text("reason", reason, 400, false),
                    RequestFields.version("expectedVersion", expectedVersion));
        }
    }

    private static Content required(Content content) {
        if (content == null) {
            throw new InvalidRequest(new FieldProblem("content", null, "is required: number and title at "
                    + "least"));
        }
        return content;
    }
}
