package jp.shinko.web.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.shinko.web.backend.QueryService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * The cross-city dashboard for the Metropolitan Government: per municipality, the items of a
 * fiscal year by rating under each city's own scheme, as a chart (Apache ECharts) and the same
 * numbers as a table and a CSV download. A municipal role sees its own municipality only, as the
 * query service answers.
 */
@Controller
class DashboardPages {

    private final QueryService query;

    DashboardPages(QueryService query) {
        this.query = query;
    }

    /**
     * The dashboard's numbers.
     *
     * @param ratings the rating labels, in order, each a column and a series of the chart
     * @param rows per municipality: its name and code, then its count of each rating, then 未評価
     */
    record Counts(String fiscalYearJapanese, List<String> ratings, List<Row> rows) {
    }

    /** One municipality's year. */
    record Row(String code, String name, List<Long> counts, long notRated) {
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(defaultValue = "R7") String fiscalYear,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        Counts counts = counts(token, fiscalYear);
        model.addAttribute("counts", counts);
        model.addAttribute("fiscalYear", fiscalYear);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("municipalities", counts.rows().stream().map(Row::name).toList());
        chart.put("ratings", counts.ratings());
        List<List<Long>> series = new ArrayList<>();
        for (int i = 0; i < counts.ratings().size(); i++) {
            int rating = i;
            series.add(counts.rows().stream().map(row -> row.counts().get(rating)).toList());
        }
        chart.put("series", series);
        chart.put("notRated", counts.rows().stream().map(Row::notRated).toList());
        model.addAttribute("chart", chart);
        return "dashboard";
    }

    @GetMapping("/dashboard.csv")
    ResponseEntity<byte[]> download(@RequestParam(defaultValue = "R7") String fiscalYear,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token) {
        Counts counts = counts(token, fiscalYear);
        StringBuilder csv = new StringBuilder("\uFEFF自治体コード,自治体,年度,");
        csv.append(String.join(",", counts.ratings())).append(",未評価\r\n");
        for (Row row : counts.rows()) {
            csv.append(row.code()).append(',').append(row.name()).append(',').append(counts.fiscalYearJapanese())
                    .append(',').append(row.counts().stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .append(',').append(row.notRated()).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("評価の集計_" + counts.fiscalYearJapanese() + ".csv", StandardCharsets.UTF_8).build()
                        .toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Counts counts(OAuth2AuthorizedClient token, String fiscalYear) {
        JsonNode summary = query.get(token, uri -> uri.path("/cross-city/summary")
                .queryParam("fiscalYear", fiscalYear).queryParam("size", 500).build());
        List<JsonNode> years = summary.path("items").valueStream().toList();
        TreeSet<String> labels = new TreeSet<>();
        years.forEach(year -> year.path("ratings").propertyNames().forEach(labels::add));
        List<String> ratings = List.copyOf(labels);
        List<Row> rows = years.stream().map(year -> new Row(year.path("municipalityCode").asString(),
                year.path("municipalityName").asString(), ratings.stream().map(label -> year.path("ratings")
                .path(label).asLong(0)).toList(), year.path("notRated").asLong())).toList();
        String japanese = years.isEmpty() ? fiscalYear : years.get(0).path("fiscalYearJapanese").asString();
        return new Counts(japanese, ratings, rows);
    }
}
