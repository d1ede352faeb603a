package jp.shinko.web.plans;

import java.util.ArrayList;
import java.util.List;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.web.backend.QueryService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;

/**
 * A municipality's plans and one plan's tree, as the city names its levels, each item with its
 * number, title, organisations, indicator and what it belongs to.
 */
@Controller
class PlanPages {

    private final QueryService query;

    PlanPages(QueryService query) {
        this.query = query;
    }

    @GetMapping("/municipalities/{code}/plans")
    String plans(@PathVariable String code, @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token,
            Model model) {
        model.addAttribute("municipality", query.get(token, uri -> uri.path("/municipalities/{code}").build(code)));
        model.addAttribute("plans", query.get(token, uri -> uri.path("/municipalities/{code}/plans").build(code))
                .path("plans"));
        return "plans";
    }

    @GetMapping("/municipalities/{code}/plans/{planId}")
    String plan(@PathVariable String code, @PathVariable String planId,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        model.addAttribute("municipality", query.get(token, uri -> uri.path("/municipalities/{code}").build(code)));
        JsonNode plan = query.get(token, uri -> uri.path("/municipalities/{code}/plans/{planId}").build(code, planId));
        model.addAttribute("plan", plan);
        List<Row> rows = new ArrayList<>();
        plan.path("items").forEach(item -> flatten(item, 0, rows));
        model.addAttribute("rows", rows);
        List<FiscalYear> years = new ArrayList<>();
        for (int year = plan.path("period").path("from").path("value").asInt();
                year <= plan.path("period").path("to").path("value").asInt(); year++) {
            years.add(FiscalYear.of(year));
        }
        model.addAttribute("years", years);
        return "plan";
    }

    /**
     * An item of the tree on one line of the page, indented by its depth.
     *
     * @param organisations the organisations responsible, as the city names them
     * @param partOf what of 東京都's it belongs to: 連携事業 and a project's id, or 都の事業 and a programme's
     */
    record Row(int depth, JsonNode item, String organisations, List<String> partOf) {
    }

    private static void flatten(JsonNode item, int depth, List<Row> rows) {
        rows.add(new Row(depth, item, String.join("、", item.path("responsibleOrganisations").valueStream()
                .map(JsonNode::asString).toList()), item.path("partOf").valueStream()
                .map(link -> link.has("projectId") ? "連携事業 " + link.path("projectId").asString()
                        : "都の事業 " + link.path("programme").path("itemId").asString()).toList()));
        item.path("children").forEach(child -> flatten(child, depth + 1, rows));
    }
}
