package jp.shinko.web.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.shinko.web.backend.QueryService;
import jp.shinko.web.backend.ServiceRefused;
import jp.shinko.web.signin.SignedIn;
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
 * fiscal year by rating under each city's own scheme, and the status symbols of each quarter, as
 * charts (Apache ECharts) with the same numbers as tables and CSV downloads; the focus themes
 * across cities, the overdue reports per municipality, and 東京都's joint projects. A municipal
 * role sees its own municipality only, as the query service answers.
 */
@Controller
class DashboardPages {

    private static final String TOKYO = "130001";

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
        // 東京都's projects for the Metropolitan Government; a city's own (those it leads or joins) for a city
        String keeper = SignedIn.current().filter(SignedIn::municipal)
                .map(person -> person.actor().municipalityCode().value()).orElse(TOKYO);
        QueryService.Later<List<Theme>> themes = query.alongside(() -> themes(token));
        QueryService.Later<List<Overdue>> overdue = query.alongside(() -> overdue(token));
        QueryService.Later<List<Project>> projects = query.alongside(() -> projects(token, keeper));
        List<JsonNode> summary = summary(token, fiscalYear);
        Counts counts = counts(summary, fiscalYear);
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
        StatusCounts statuses = statusCounts(summary, fiscalYear);
        model.addAttribute("statuses", statuses);
        model.addAttribute("statusChart", Map.of("rows", statuses.rows().stream()
                .map(row -> row.name() + " " + row.quarter()).toList(), "symbols", statuses.symbols(),
                "series", statuses.series()));
        model.addAttribute("themes", themes.get());
        model.addAttribute("overdue", overdue.get());
        model.addAttribute("projects", projects.get());
        return "dashboard";
    }

    /**
     * The status symbols of the year's quarters: per municipality that reports quarterly and per
     * quarter, how many rows have each symbol of its legend.
     *
     * @param symbols every symbol any municipality used, each a column and a series of the chart
     */
    record StatusCounts(String fiscalYearJapanese, List<String> symbols, List<StatusRow> rows) {

        /** Per symbol, its count on each row: the chart's series. */
        public List<List<Long>> series() {
            List<List<Long>> series = new ArrayList<>();
            for (int i = 0; i < symbols.size(); i++) {
                int symbol = i;
                series.add(rows.stream().map(row -> row.counts().get(symbol)).toList());
            }
            return series;
        }
    }

    /** One quarter of one municipality: the count of each symbol. */
    record StatusRow(String code, String name, String quarter, List<Long> counts) {
    }

    /** A focus theme across cities: how many items name it, in which municipalities. */
    record Theme(String theme, long items, String municipalities) {
    }

    /** A municipality's overdue reports: how many, and the oldest due date. */
    record Overdue(String code, String name, long reports, String oldestDueOn) {
    }

    /** A joint project on the dashboard: its title, 東京都's programme, lead, partners and years of subsidy. */
    record Project(String title, String programme, String lead, String partners, String subsidyYears) {
    }

    /** The joint projects a keeper keeps or a city takes part in; none where 東京都 is not registered yet. */
    private List<Project> projects(OAuth2AuthorizedClient token, String code) {
        JsonNode projects;
        try {
            projects = query.get(token, uri -> uri.path("/municipalities/{code}/joint-projects").build(code));
        } catch (ServiceRefused refused) {
            if (refused.status() != 404) {
                throw refused;
            }
            return List.of();
        }
        return projects.path("projects").valueStream().map(project -> new Project(project.path("title").asString(),
                project.path("programme").path("title").asString(""),
                project.path("leadMunicipality").path("name").asString(""),
                joined(project.path("partnerMunicipalities"), "name"),
                joined(project.path("subsidyYears"), "japanese"))).toList();
    }

    private static String joined(JsonNode list, String field) {
        return list.valueStream().map(each -> each.path(field).asString()).collect(Collectors.joining("、"));
    }

    @GetMapping("/dashboard/statuses.csv")
    ResponseEntity<byte[]> downloadStatuses(@RequestParam(defaultValue = "R7") String fiscalYear,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token) {
        StatusCounts counts = statusCounts(summary(token, fiscalYear), fiscalYear);
        StringBuilder csv = new StringBuilder("\uFEFF自治体コード,自治体,年度,期,");
        csv.append(String.join(",", counts.symbols())).append("\r\n");
        for (StatusRow row : counts.rows()) {
            csv.append(row.code()).append(',').append(row.name()).append(',').append(counts.fiscalYearJapanese())
                    .append(',').append(row.quarter()).append(',')
                    .append(row.counts().stream().map(String::valueOf).collect(Collectors.joining(","))).append("\r\n");
        }
        return csvFile("進捗状況の集計_" + counts.fiscalYearJapanese() + ".csv", csv);
    }

    private static StatusCounts statusCounts(List<JsonNode> years, String fiscalYear) {
        TreeSet<String> symbols = new TreeSet<>();
        years.forEach(year -> year.path("statusSymbols").forEach(quarter -> quarter.propertyNames()
                .forEach(symbols::add)));
        List<String> columns = List.copyOf(symbols);
        List<StatusRow> rows = new ArrayList<>();
        for (JsonNode year : years) {
            year.path("statusSymbols").propertyNames().stream().sorted().forEach(quarter -> rows.add(new StatusRow(
                    year.path("municipalityCode").asString(), year.path("municipalityName").asString(), quarter,
                    columns.stream().map(symbol -> year.path("statusSymbols").path(quarter).path(symbol).asLong(0))
                            .toList())));
        }
        return new StatusCounts(years.isEmpty() ? fiscalYear : years.get(0).path("fiscalYearJapanese").asString(),
                columns, rows);
    }

    private List<Theme> themes(OAuth2AuthorizedClient token) {
        return query.get(token, uri -> uri.path("/cross-city/focus-themes/by-theme").build()).path("items")
                .valueStream().map(theme -> new Theme(theme.path("theme").asString(), theme.path("items").asLong(),
                        theme.path("municipalities").valueStream()
                                .map(municipality -> municipality.path("municipalityName").asString()).distinct()
                                .collect(Collectors.joining("、")))).toList();
    }

    private List<Overdue> overdue(OAuth2AuthorizedClient token) {
        return query.get(token, uri -> uri.path("/cross-city/missing-reports/by-municipality").build()).path("items")
                .valueStream().map(tally -> new Overdue(tally.path("municipalityCode").asString(),
                        tally.path("municipalityName").asString(tally.path("municipalityCode").asString()),
                        tally.path("reports").asLong(), tally.path("oldestDueOn").asString())).toList();
    }

    @GetMapping("/dashboard.csv")
    ResponseEntity<byte[]> download(@RequestParam(defaultValue = "R7") String fiscalYear,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token) {
        Counts counts = counts(summary(token, fiscalYear), fiscalYear);
        StringBuilder csv = new StringBuilder("\uFEFF自治体コード,自治体,年度,");
        csv.append(String.join(",", counts.ratings())).append(",未評価\r\n");
        for (Row row : counts.rows()) {
            csv.append(row.code()).append(',').append(row.name()).append(',').append(counts.fiscalYearJapanese())
                    .append(',').append(row.counts().stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .append(',').append(row.notRated()).append("\r\n");
        }
        return csvFile("評価の集計_" + counts.fiscalYearJapanese() + ".csv", csv);
    }

    private static ResponseEntity<byte[]> csvFile(String name, StringBuilder csv) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cross-city summary of a fiscal year: per municipality its ratings and its quarters' symbols. */
    private List<JsonNode> summary(OAuth2AuthorizedClient token, String fiscalYear) {
        return query.wholeTable(token, uri -> uri.path("/cross-city/summary").queryParam("fiscalYear", fiscalYear)
                .build()).path("items").valueStream().toList();
    }

    private static Counts counts(List<JsonNode> years, String fiscalYear) {
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
