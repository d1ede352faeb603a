package jp.shinko.web.sheets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.web.backend.CommandService;
import jp.shinko.web.backend.QueryService;
import jp.shinko.web.backend.ServiceRefused;
import jp.shinko.web.signin.SignedIn;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Musashino's review sheets (事業評価シート) on the screen: for a fiscal year every item of the plan
 * with its 事業内容, 目標・注力する所, 実施結果 and 以降の課題 as the city wrote them (line breaks kept),
 * and for its editors an item's sheet to write or revise. A field left as it was is sent as it
 * was; an emptied field clears it (the service records that as a change with its reason where
 * the year is closed). A refusal is shown next to the field the service names.
 */
@Controller
class ReviewSheetPages {

    /** The sheet's four fields, in the order Musashino's sheet prints them, with their headings. */
    static final Map<String, String> FIELDS = fields();

    private final QueryService query;
    private final CommandService command;

    ReviewSheetPages(QueryService query, CommandService command) {
        this.query = query;
        this.command = command;
    }

    /**
     * An item with its sheet of the year.
     *
     * @param texts per field of {@link #FIELDS}, the text as written, empty where none
     */
    record SheetRow(String itemId, String number, String title, String organisations, List<String> texts) {
    }

    @GetMapping("/municipalities/{code}/plans/{planId}/sheets")
    String sheets(@PathVariable String code, @PathVariable String planId, @RequestParam String fiscalYear,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        FiscalYear year = FiscalYear.parse(fiscalYear);
        JsonNode plan = query.get(token, uri -> uri.path("/municipalities/{code}/plans/{planId}").build(code, planId));
        Map<String, JsonNode> written = written(token, code, planId, year);
        List<SheetRow> rows = new ArrayList<>();
        plan.path("items").forEach(item -> addRows(item, written, rows));
        model.addAttribute("plan", plan);
        model.addAttribute("rows", rows);
        model.addAttribute("headings", List.copyOf(FIELDS.values()));
        model.addAttribute("code", code);
        model.addAttribute("planId", planId);
        model.addAttribute("fiscalYear", year.value());
        model.addAttribute("fiscalYearJapanese", year.japanese());
        model.addAttribute("mayEdit", SignedIn.mayWrite(code));
        return "sheets";
    }

    @GetMapping("/municipalities/{code}/plans/{planId}/items/{itemId}/sheets/{fiscalYear}")
    String sheet(@PathVariable String code, @PathVariable String planId, @PathVariable String itemId,
            @PathVariable String fiscalYear, @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token,
            Model model) {
        FiscalYear year = FiscalYear.parse(fiscalYear);
        JsonNode item = item(token, code, planId, itemId);
        JsonNode sheet = sheetOf(item, year);
        if (!model.containsAttribute("texts")) {
            model.addAttribute("texts", texts(sheet));
            // a sheet not written yet is at version 0: someone writing it first is a conflict too
            model.addAttribute("version", sheet.path("version").asLong(0));
        }
        model.addAttribute("item", item);
        model.addAttribute("fields", FIELDS);
        model.addAttribute("code", code);
        model.addAttribute("planId", planId);
        model.addAttribute("itemId", itemId);
        model.addAttribute("fiscalYear", year.value());
        model.addAttribute("fiscalYearJapanese", year.japanese());
        model.addAttribute("mayEdit", SignedIn.mayWrite(code));
        return "sheet";
    }

    /**
     * Writes the sheet as the clerk left it, against the version they opened: if someone saved the
     * sheet in between (409), nothing is stored and the page shows what the sheet says now beside
     * the clerk's text, which is kept; saving again then overwrites knowingly.
     */
    @PostMapping("/municipalities/{code}/plans/{planId}/items/{itemId}/sheets/{fiscalYear}")
    String write(@PathVariable String code, @PathVariable String planId, @PathVariable String itemId,
            @PathVariable String fiscalYear, @RequestParam Map<String, String> form,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        Map<String, Object> body = new HashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String field : FIELDS.keySet()) {
            String text = form.getOrDefault(field, "").replace("\r\n", "\n");
            texts.put(field, text);
            body.put(field, text);
        }
        String reason = form.get("correctionReason");
        if (reason != null && !reason.isBlank()) {
            body.put("correctionReason", reason.strip());
        }
        String opened = form.getOrDefault("expectedVersion", "");
        if (opened.matches("\\d{1,18}")) {
            body.put("expectedVersion", Long.parseLong(opened));
        }
        try {
            command.put(token, UriComponentsBuilder.fromPath("/municipalities/{code}/plans/{planId}/items/{itemId}"
                    + "/narratives/{fiscalYear}").buildAndExpand(code, planId, itemId, fiscalYear).toUriString(), body);
        } catch (ServiceRefused refused) {
            if (refused.status() == 403 || refused.status() == 404) {
                throw refused;
            }
            model.addAttribute("texts", texts);
            model.addAttribute("version", opened.isBlank() ? null : opened);
            if (refused.status() == 409) {
                JsonNode now = sheetOf(item(token, code, planId, itemId), FiscalYear.parse(fiscalYear));
                Map<String, String> saved = texts(now);
                Map<String, String> changed = new LinkedHashMap<>();
                saved.forEach((field, text) -> {
                    if (!text.equals(texts.get(field))) {
                        changed.put(FIELDS.get(field), text);
                    }
                });
                model.addAttribute("conflict", changed);
                model.addAttribute("version", now.path("version").asLong());
                return sheet(code, planId, itemId, fiscalYear, token, model);
            }
            model.addAttribute("problem", refused.getMessage());
            model.addAttribute("problemField", refused.field() == null ? "" : refused.field());
            return sheet(code, planId, itemId, fiscalYear, token, model);
        }
        return "redirect:/municipalities/" + code + "/plans/" + planId + "/sheets?fiscalYear="
                + FiscalYear.parse(fiscalYear).value() + "#item-" + itemId;
    }

    private JsonNode item(OAuth2AuthorizedClient token, String code, String planId, String itemId) {
        return query.get(token, uri -> uri.path("/municipalities/{code}/plans/{planId}/items/{itemId}")
                .build(code, planId, itemId));
    }

    /** The item's sheet of the year with its version; a missing node when it has none yet. */
    private static JsonNode sheetOf(JsonNode item, FiscalYear year) {
        return item.path("reviewSheets").valueStream()
                .filter(sheet -> sheet.path("fiscalYear").path("value").asInt() == year.value()).findFirst()
                .orElse(MissingNode.getInstance());
    }

    private static Map<String, String> texts(JsonNode sheet) {
        Map<String, String> texts = new LinkedHashMap<>();
        FIELDS.keySet().forEach(field -> texts.put(field, sheet.path(field).asString("")));
        return texts;
    }

    /** The year's sheets by item. */
    private Map<String, JsonNode> written(OAuth2AuthorizedClient token, String code, String planId, FiscalYear year) {
        Map<String, JsonNode> byItem = new HashMap<>();
        query.wholeTable(token, uri -> uri.path("/municipalities/{code}/plans/{planId}/progress/narratives")
                .queryParam("fiscalYear", year.value()).build(code, planId)).path("items")
                .forEach(sheet -> byItem.put(sheet.path("itemId").asString(), sheet));
        return byItem;
    }

    private static void addRows(JsonNode item, Map<String, JsonNode> written, List<SheetRow> rows) {
        if (!item.path("retired").asBoolean()) {
            JsonNode sheet = written.get(item.path("itemId").asString());
            rows.add(new SheetRow(item.path("itemId").asString(), item.path("number").asString(""),
                    item.path("title").asString(), String.join("、", item.path("responsibleOrganisations").valueStream()
                    .map(JsonNode::asString).toList()), FIELDS.keySet().stream()
                    .map(field -> sheet == null ? "" : sheet.path(field).asString("")).toList()));
        }
        item.path("children").forEach(child -> addRows(child, written, rows));
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("plannedContent", "事業内容");
        fields.put("goalsAndFocus", "目標・注力する所");
        fields.put("results", "実施結果");
        fields.put("issuesAhead", "以降の課題");
        return Collections.unmodifiableMap(fields);
    }
}
