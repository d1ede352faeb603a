package jp.shinko.web.plans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.web.backend.QueryService;
import jp.shinko.web.signin.SignedIn;
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
        Map<Integer, JsonNode> closed = new HashMap<>();
        plan.path("closedYears").forEach(year -> closed.put(year.path("fiscalYear").path("value").asInt(), year));
        List<YearLine> years = new ArrayList<>();
        for (int year = plan.path("period").path("from").path("value").asInt();
                year <= plan.path("period").path("to").path("value").asInt(); year++) {
            JsonNode closing = closed.get(year);
            years.add(new YearLine(FiscalYear.of(year), closing != null,
                    closing == null ? null : closing.path("councilReportedOn").asString(null)));
        }
        model.addAttribute("years", years);
        model.addAttribute("code", code);
        model.addAttribute("mayClose", SignedIn.current().map(SignedIn::actor).filter(actor -> actor.organisation()
                == null && actor.mayWrite(MunicipalityCode.of(code))).isPresent());
        return "plan";
    }

    /**
     * A fiscal year of the plan, with whether it is closed and when it was reported to the council.
     *
     * @param councilReportedOn the day of the report, if the city recorded it
     */
    record YearLine(FiscalYear year, boolean closed, String councilReportedOn) {
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
