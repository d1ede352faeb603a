package jp.shinko.query.metropolitan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.jointproject.JointProjects.Project;
import jp.shinko.events.jointproject.ProjectId;
import jp.shinko.events.jointproject.SubsidyDecided;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemRef;
import jp.shinko.infra.security.AccessRefused;
import jp.shinko.query.asof.AsOfTime;
import jp.shinko.query.export.SheetFormat;
import jp.shinko.query.metropolitan.JointProjectViews.Programme;
import jp.shinko.query.metropolitan.JointProjectViews.ProjectPage;
import jp.shinko.query.metropolitan.JointProjectViews.ProjectView;
import jp.shinko.query.metropolitan.JointProjectViews.SubsidyTotal;
import jp.shinko.query.metropolitan.JointProjectViews.SubsidyTotalPage;
import jp.shinko.query.metropolitan.JointProjectViews.Year;
import jp.shinko.query.metropolitan.KeptRecords.Keeping;
import jp.shinko.query.municipality.MunicipalityProjection;
import jp.shinko.query.problem.NotFound;
import jp.shinko.query.tables.ProgressController;
import jp.shinko.query.web.Paging;
import jp.shinko.query.web.ReadResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The joint projects read back (seed 003, 多様な主体との連携活動促進支援事業): a prefecture's
 * projects, or the projects a municipality leads or joins, with their partners, each year's
 * subsidy and results; one project; the subsidy granted per programme and fiscal year. Every
 * answer as it stood at any instant ({@code asOf}), as JSON pages or as a workbook or CSV.
 *
 * <p>Who reads what: the Metropolitan Government's and the platform's roles every project; a
 * municipal role the projects its municipality takes part in, and nothing of the others.
 */
@RestController
@RequestMapping("/municipalities/{code}")
class JointProjectController {

    private final KeptRecords reading;
    private final MunicipalityProjection municipalities;

    JointProjectController(KeptRecords reading, MunicipalityProjection municipalities) {
        this.reading = reading;
        this.municipalities = municipalities;
    }

    @GetMapping("/joint-projects")
    @Operation(summary = "Joint projects a prefecture keeps, or a municipality leads or joins",
            description = "For a prefecture (東京都 130001) the projects it adopted; for a city those it leads "
                    + "(participation: lead) or joins (partner), whoever keeps them. Each with its programme, lead, "
                    + "partner municipalities and bodies, years of subsidy, each year's subsidy and the total, and "
                    + "each municipality's part of the results. In order of adoption year, then as first recorded.")
    @ApiResponse(responseCode = "200", description = "One page of projects")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code")
    @ReadResponses.OfOneMunicipality
    ProjectPage projects(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(description = "Only projects of this programme: the item id of the keeper's plan",
                    example = "renkei") @RequestParam Optional<String> programme,
            @Parameter(description = "Only projects adopted in this fiscal year: 2024, R6 or 令和6")
            @RequestParam Optional<FiscalYear> fiscalYear,
            AsOfTime asOf,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Paging.check(page, size);
        KeptRecords.Concerning concerning = readable(actor, code, asOf);
        List<ProjectView> projects = listed(concerning, code, programme, fiscalYear);
        int from = Paging.firstRow(projects.size(), page, size);
        return new ProjectPage(code.value(), concerning.name(),
                projects.subList(from, Math.min(projects.size(), from + size)), page, size, projects.size());
    }

    @GetMapping("/joint-projects.{format}")
    @Operation(summary = "The same projects as a workbook (xlsx) or CSV (UTF-8 with BOM)",
            description = "One row per project with Japanese headings as seed 003 prints them: 採択年度, 事業名, "
                    + "代表市, 連携自治体, 多様な主体, 目的, 概要, per fiscal year 補助対象経費 and 補助金額, "
                    + "補助金合計 and 実績.")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "400", description = "The format or another parameter is invalid")
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code")
    @ReadResponses.OfOneMunicipality
    ResponseEntity<byte[]> projectsFile(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(description = "xlsx or csv", example = "xlsx") @PathVariable String format,
            @Parameter(description = "Only projects of this programme: the item id of the keeper's plan")
            @RequestParam Optional<String> programme,
            @Parameter(description = "Only projects adopted in this fiscal year: 2024, R6 or 令和6")
            @RequestParam Optional<FiscalYear> fiscalYear,
            AsOfTime asOf) {
        SheetFormat sheetFormat = SheetFormat.of(format);
        KeptRecords.Concerning concerning = readable(actor, code, asOf);
        return sheetFormat.download(JointProjectSheets.projects(concerning.name() + " 多様な主体との連携活動促進支援事業",
                fiscalYear.map(Year::of), listed(concerning, code, programme, fiscalYear)));
    }

    @GetMapping("/joint-projects/{projectId}")
    @Operation(summary = "One joint project, with the items of the cities' plans that belong to it",
            description = "Readable by the keeper's readers (the Metropolitan Government's and the platform's "
                    + "roles) and by the municipal roles of every municipality taking part; no one else. "
                    + "linkedItems: the items of the participants' plans whose partOf names the project.")
    @ApiResponse(responseCode = "200", description = "The project")
    @ApiResponse(responseCode = "403", description = "A municipal role of a municipality that takes no part")
    @ApiResponse(responseCode = "404", description = "The keeper is not registered or has no such project")
    ProjectView project(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(example = "r6-akigawa") @PathVariable ProjectId projectId,
            AsOfTime asOf) {
        Optional<MunicipalityCode> reader = actor.mayRead(code) ? Optional.empty()
                : Optional.of(actor.municipalityCode());
        municipalities.requireRegistered(code, asOf.instant());
        Keeping keeping = reading.of(code, asOf.instant());
        Optional<Project> project = keeping.projects().byId(projectId);
        if (reader.isPresent() && project.filter(found -> found.takesPart(reader.get())).isEmpty()) {
            throw new AccessRefused(actor.describe() + " may read only the joint projects municipality "
                    + reader.get() + " takes part in");
        }
        return project.map(found -> ProjectView.of(keeping, found, null)
                        .withLinkedItems(reading.itemsPartOf(keeping, found, asOf.instant())))
                .orElseThrow(() -> new ProjectNotFound(code, projectId));
    }

    @GetMapping("/subsidy-totals")
    @Operation(summary = "What a prefecture's programmes granted, per programme and fiscal year",
            description = "Per programme (an item of the prefecture's plan) and fiscal year: how many projects were "
                    + "granted a subsidy, their eligible cost and the grants; and the total of every grant.")
    @ApiResponse(responseCode = "200", description = "One page of totals")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code")
    @ReadResponses.OfOneMunicipality
    SubsidyTotalPage subsidyTotals(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(description = "Only this fiscal year: 2025, R7 or 令和7")
            @RequestParam Optional<FiscalYear> fiscalYear,
            AsOfTime asOf,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Paging.check(page, size);
        KeptRecords.Concerning concerning = readable(actor, code, asOf);
        List<SubsidyTotal> totals = totals(concerning, code, fiscalYear);
        int from = Paging.firstRow(totals.size(), page, size);
        return new SubsidyTotalPage(code.value(), concerning.name(),
                totals.subList(from, Math.min(totals.size(), from + size)),
                totals.stream().mapToLong(SubsidyTotal::grantYen).sum(), page, size, totals.size());
    }

    @GetMapping("/subsidy-totals.{format}")
    @Operation(summary = "The subsidy totals as a workbook (xlsx) or CSV (UTF-8 with BOM)")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "400", description = "The format or another parameter is invalid")
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code")
    @ReadResponses.OfOneMunicipality
    ResponseEntity<byte[]> subsidyTotalsFile(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(description = "xlsx or csv", example = "xlsx") @PathVariable String format,
            @Parameter(description = "Only this fiscal year: 2025, R7 or 令和7")
            @RequestParam Optional<FiscalYear> fiscalYear,
            AsOfTime asOf) {
        SheetFormat sheetFormat = SheetFormat.of(format);
        KeptRecords.Concerning concerning = readable(actor, code, asOf);
        return sheetFormat.download(JointProjectSheets.totals(concerning.name() + " 補助金の交付額",
                totals(concerning, code, fiscalYear)));
    }

    /** What concerns the municipality of the path, if the caller may read it and it was registered then. */
    private KeptRecords.Concerning readable(Actor actor, MunicipalityCode code, AsOfTime asOf) {
        municipalities.requireRegistered(ProgressController.readable(actor, code), asOf.instant());
        return reading.concerning(code, asOf.instant());
    }

    /** The projects the municipality keeps, or leads and joins, in order of adoption year. */
    private static List<ProjectView> listed(KeptRecords.Concerning concerning, MunicipalityCode code,
            Optional<String> programme, Optional<FiscalYear> fiscalYear) {
        List<ProjectView> projects = new ArrayList<>();
        for (Keeping keeping : concerning.keepings()) {
            List<Project> kept = code.isPrefecture() ? keeping.projects().projects()
                    : keeping.projects().joinedBy(code);
            kept.stream()
                    .filter(project -> programme.filter(wanted -> !wanted.isBlank())
                            .map(wanted -> project.project().programme().itemId().value().equals(wanted.strip()))
                            .orElse(true))
                    .filter(project -> fiscalYear.map(project.project().fiscalYear()::equals).orElse(true))
                    .forEach(project -> projects.add(ProjectView.of(keeping, project, code)));
        }
        projects.sort(Comparator.comparingInt(project -> project.fiscalYear().value()));
        return projects;
    }

    /** The grants per programme and fiscal year, in programme order then year order. */
    private static List<SubsidyTotal> totals(KeptRecords.Concerning concerning, MunicipalityCode code,
            Optional<FiscalYear> fiscalYear) {
        if (!code.isPrefecture()) {
            return List.of(); // a city keeps no programme
        }
        Keeping keeping = concerning.keepings().get(0);
        Map<String, List<Grant>> byProgrammeAndYear = new TreeMap<>();
        for (Project project : keeping.projects().projects()) {
            for (SubsidyDecided decided : project.subsidies()) {
                if (fiscalYear.map(decided.fiscalYear()::equals).orElse(true)) {
                    Grant grant = new Grant(project.project().programme(), decided);
                    byProgrammeAndYear.computeIfAbsent(grant.programme() + "|" + decided.fiscalYear().value(),
                            key -> new ArrayList<>()).add(grant);
                }
            }
        }
        List<SubsidyTotal> totals = new ArrayList<>();
        byProgrammeAndYear.values().forEach(grants -> totals.add(new SubsidyTotal(
                Programme.of(keeping, grants.get(0).programme()), Year.of(grants.get(0).decided().fiscalYear()),
                grants.size(), grants.stream().mapToLong(grant -> grant.decided().eligibleCostYen()).sum(),
                grants.stream().mapToLong(grant -> grant.decided().grantYen()).sum())));
        return totals;
    }

    /** One year's subsidy of a project of a programme. */
    private record Grant(ItemRef programme, SubsidyDecided decided) {
    }

    /** A project the keeper has not recorded. */
    static final class ProjectNotFound extends NotFound {

        ProjectNotFound(MunicipalityCode keeper, ProjectId projectId) {
            super("municipality " + keeper + " keeps no joint project " + projectId);
        }
    }
}
