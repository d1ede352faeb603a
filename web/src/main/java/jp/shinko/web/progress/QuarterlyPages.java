package jp.shinko.web.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Musashino's table on the screen: for a fiscal year each row (an item of one organisation) with
 * its four quarters' symbols, the reason and the remark, and for the city's editors a quarter's
 * status to enter on the row, with the symbols of the city's legend and the reasons of its list.
 * The rules are the command service's: a refused status (a 4th-quarter △ without a reason, a row
 * of another organisation) is shown on its row and nothing is stored.
 */
@Controller
class QuarterlyPages {

    private final QueryService query;
    private final CommandService command;

    QuarterlyPages(QueryService query, CommandService command) {
        this.query = query;
        this.command = command;
    }

    /**
     * One row of the grid: an item of one organisation, with what it recorded for the year, if anything.
     *
     * @param quarters the four quarters' symbols, empty where none is recorded
     */
    record GridRow(String itemId, String number, String title, String organisation, List<String> quarters,
            String reasonCode, String remark) {

        public String key() {
            return itemId + "|" + organisation;
        }
    }

    @GetMapping("/municipalities/{code}/plans/{planId}/quarterly")
    String quarterly(@PathVariable String code, @PathVariable String planId, @RequestParam String fiscalYear,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        JsonNode table = query.wholeTable(token, uri -> uri
                .path("/municipalities/{code}/plans/{planId}/progress/quarterly")
                .queryParam("fiscalYear", fiscalYear).build(code, planId));
        Map<String, JsonNode> recorded = new HashMap<>();
        table.path("items").forEach(row -> recorded.put(row.path("itemId").asString() + "|"
                + row.path("organisation").asString(), row));
        List<GridRow> rows = new ArrayList<>();
        JsonNode plan = query.get(token, uri -> uri.path("/municipalities/{code}/plans/{planId}").build(code, planId));
        plan.path("items").forEach(item -> addRows(item, recorded, rows));
        model.addAttribute("table", table);
        model.addAttribute("rows", rows);
        model.addAttribute("settings", query.get(token, uri -> uri.path("/municipalities/{code}/settings")
                .build(code)));
        model.addAttribute("code", code);
        model.addAttribute("planId", planId);
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("mayEdit", SignedIn.mayWrite(code));
        return "quarterly";
    }

    @PostMapping("/municipalities/{code}/plans/{planId}/quarterly/{itemId}")
    String recordStatus(@PathVariable String code, @PathVariable String planId, @PathVariable String itemId,
            @RequestParam String fiscalYear, @RequestParam String organisation, @RequestParam String quarter,
            @RequestParam String symbol, @RequestParam(required = false) String reasonCode,
            @RequestParam(required = false) String remark,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisation", organisation);
        body.put("symbol", symbol);
        if (reasonCode != null && !reasonCode.isBlank()) {
            body.put("reasonCode", reasonCode);
        }
        if (remark != null && !remark.isBlank()) {
            body.put("remark", remark);
        }
        try {
            command.put(token, UriComponentsBuilder.fromPath("/municipalities/{code}/plans/{planId}/items/{itemId}"
                    + "/period-status/{fiscalYear}/{quarter}").buildAndExpand(code, planId, itemId, fiscalYear,
                    quarter).toUriString(), body);
        } catch (ServiceRefused refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            model.addAttribute("problemRow", itemId + "|" + organisation);
            model.addAttribute("problem", refused.getMessage());
            model.addAttribute("problemField", refused.field() == null ? "symbol" : refused.field());
            return quarterly(code, planId, fiscalYear, token, model);
        }
        return "redirect:/municipalities/" + code + "/plans/" + planId + "/quarterly?fiscalYear=" + fiscalYear;
    }

    /** Every row the city's table has: each organisation of each item it names, in the tree's order. */
    private static void addRows(JsonNode item, Map<String, JsonNode> recorded, List<GridRow> rows) {
        if (!item.path("retired").asBoolean()) {
            for (JsonNode organisation : item.path("responsibleOrganisations")) {
                JsonNode row = recorded.get(item.path("itemId").asString() + "|" + organisation.asString());
                List<String> quarters = row == null ? List.of("", "", "", "")
                        : row.path("quarters").valueStream().map(symbol -> symbol.asString("")).toList();
                rows.add(new GridRow(item.path("itemId").asString(), item.path("number").asString(),
                        item.path("title").asString(), organisation.asString(), quarters,
                        row == null ? "" : row.path("reasonCode").asString(""),
                        row == null ? "" : row.path("remark").asString("")));
            }
        }
        item.path("children").forEach(child -> addRows(child, recorded, rows));
    }
}
