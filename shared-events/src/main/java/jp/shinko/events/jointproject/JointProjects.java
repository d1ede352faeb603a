package jp.shinko.events.jointproject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A prefecture's joint projects as they stand, folded from its {@link JointProjectEvent}s: each
 * project as last recorded, with the latest decision of each fiscal year's subsidy and the
 * latest report of each year's part. Pure; the project record and the query service's reading
 * both fold with it.
 *
 * @param projects the projects in the order first recorded
 */
public record JointProjects(List<Project> projects) {

    /** A prefecture that has adopted no project. */
    public static final JointProjects NONE = new JointProjects(List.of());

    public JointProjects {
        projects = List.copyOf(projects);
    }

    /**
     * One project.
     *
     * @param project the project as last recorded
     * @param subsidies each fiscal year's decision as last recorded, in year order
     * @param results each part's report of each year as last recorded, by year, then in the order first reported
     */
    public record Project(JointProjectRecorded project, List<SubsidyDecided> subsidies,
            List<ProjectResultReported> results) {

        public Project {
            subsidies = List.copyOf(subsidies);
            results = List.copyOf(results);
        }

        /** A project as first recorded, with no subsidy decided and no result reported. */
        public static Project of(JointProjectRecorded recorded) {
            return new Project(recorded, List.of(), List.of());
        }

        /** Whether the municipality is the lead or a partner. */
        public boolean takesPart(MunicipalityCode municipality) {
            return project.participants().contains(municipality);
        }

        /** The subsidy decided for a fiscal year, if any. */
        public Optional<SubsidyDecided> subsidy(FiscalYear year) {
            return subsidies.stream().filter(decided -> decided.fiscalYear().equals(year)).findFirst();
        }

        /** What the project was granted in every year but this one, in yen. */
        public long grantedOutside(FiscalYear year) {
            return subsidies.stream().filter(decided -> !decided.fiscalYear().equals(year))
                    .mapToLong(SubsidyDecided::grantYen).sum();
        }

        /** What the project was granted over all its years, in yen. */
        public long totalGranted() {
            return subsidies.stream().mapToLong(SubsidyDecided::grantYen).sum();
        }

        /** The part's report of a fiscal year, if it made one. */
        public Optional<ProjectResultReported> result(FiscalYear year, MunicipalityCode part) {
            return results.stream().filter(reported -> reported.fiscalYear().equals(year)
                    && reported.part().equals(part)).findFirst();
        }

        /** The project after one of its events. */
        public Project apply(JointProjectEvent event) {
            return event.accept(new JointProjectEvent.Visitor<>() {
                @Override
                public Project jointProjectRecorded(JointProjectRecorded recorded) {
                    return new Project(recorded, subsidies, results);
                }

                @Override
                public Project subsidyDecided(SubsidyDecided decided) {
                    List<SubsidyDecided> next = new ArrayList<>(subsidies);
                    next.removeIf(earlier -> earlier.fiscalYear().equals(decided.fiscalYear()));
                    next.add(decided);
                    next.sort(Comparator.comparing(SubsidyDecided::fiscalYear));
                    return new Project(project, next, results);
                }

                @Override
                public Project projectResultReported(ProjectResultReported reported) {
                    List<ProjectResultReported> next = new ArrayList<>(results);
                    int at = 0;
                    while (at < next.size() && !(next.get(at).fiscalYear().equals(reported.fiscalYear())
                            && next.get(at).part().equals(reported.part()))) {
                        at++;
                    }
                    if (at < next.size()) {
                        next.set(at, reported);
                    } else {
                        next.add(reported);
                        next.sort(Comparator.comparing(ProjectResultReported::fiscalYear));
                    }
                    return new Project(project, subsidies, next);
                }
            });
        }
    }

    /** The project with this id, if there is one. */
    public Optional<Project> byId(ProjectId projectId) {
        return projects.stream().filter(project -> project.project().projectId().equals(projectId)).findFirst();
    }

    /** The projects the municipality leads or joins, in the order first recorded. */
    public List<Project> joinedBy(MunicipalityCode municipality) {
        return projects.stream().filter(project -> project.takesPart(municipality)).toList();
    }

    /** The projects after an event. */
    public JointProjects apply(JointProjectEvent event) {
        List<Project> next = new ArrayList<>(projects);
        int at = 0;
        while (at < next.size() && !next.get(at).project().projectId().equals(event.projectId())) {
            at++;
        }
        if (at < next.size()) {
            next.set(at, next.get(at).apply(event));
        } else if (event instanceof JointProjectRecorded recorded) {
            next.add(Project.of(recorded));
        } // the project record refuses anything else before the project is recorded
        return new JointProjects(next);
    }
}
