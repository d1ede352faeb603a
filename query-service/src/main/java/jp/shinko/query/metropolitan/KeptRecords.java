package jp.shinko.query.metropolitan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.events.consultation.ConsultationEvent;
import jp.shinko.events.consultation.Consultations;
import jp.shinko.events.jointproject.JointProjectEvent;
import jp.shinko.events.jointproject.JointProjects;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemRef;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemRevised;
import jp.shinko.events.settings.SubsidyTermsAdopted;
import jp.shinko.events.subsidy.SubsidyTermsInForce;
import jp.shinko.infra.eventstore.RecordedEvents;
import jp.shinko.query.asof.RowsAsOf;
import jp.shinko.query.municipality.MunicipalityProjection;
import jp.shinko.query.rows.CityRows;
import jp.shinko.query.rows.ProgressRow;
import jp.shinko.query.rows.RowKey;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * What a prefecture keeps for the municipalities as it stood at an instant: its joint projects
 * with the subsidy terms and the programmes' titles, and its desk's consultation cases. Read
 * from the keepers' recorded events (a prefecture keeps a few dozen a year, so its events are
 * folded on each read, which makes every answer exact "as of" any instant).
 */
@Component
class KeptRecords {

    private final RecordedEvents recorded;
    private final RowsAsOf rows;
    private final MunicipalityProjection municipalities;

    KeptRecords(RecordedEvents recorded, RowsAsOf rows, MunicipalityProjection municipalities) {
        this.recorded = recorded;
        this.rows = rows;
        this.municipalities = municipalities;
    }

    /**
     * What one keeper had recorded at an instant.
     *
     * @param keeper the prefecture
     * @param projects its projects
     * @param terms its programmes' subsidy terms
     * @param programmeTitles the title of each item of its plans, by item, as last revised
     * @param consultations its desk's cases
     * @param names the names of the municipalities registered at the instant
     */
    record Keeping(MunicipalityCode keeper, JointProjects projects, SubsidyTermsInForce terms,
            Map<ItemRef, String> programmeTitles, Consultations consultations, Map<MunicipalityCode, String> names) {

        String nameOf(MunicipalityCode code) {
            return names.getOrDefault(code, code.value());
        }
    }

    /** What the keeper had recorded at the instant. */
    Keeping of(MunicipalityCode keeper, Optional<Instant> asOf) {
        return of(keeper, rows.at(asOf), municipalities.namesAt(asOf));
    }

    /**
     * What concerns a municipality at the instant: a prefecture's own records, or for a city every
     * registered prefecture's (in code order), read with one lookup of the names.
     *
     * @param name the municipality's name
     * @param keepings the records of each keeper that may concern it
     */
    record Concerning(String name, List<Keeping> keepings) {
    }

    /** The records that may concern the municipality at the instant. */
    Concerning concerning(MunicipalityCode code, Optional<Instant> asOf) {
        Instant at = rows.at(asOf);
        Map<MunicipalityCode, String> names = municipalities.namesAt(asOf);
        List<Keeping> keepings = new ArrayList<>();
        for (MunicipalityCode keeper : code.isPrefecture() ? List.of(code) : names.keySet()) {
            if (keeper.isPrefecture()) {
                keepings.add(of(keeper, at, names));
            }
        }
        return new Concerning(names.getOrDefault(code, code.value()), keepings);
    }

    /**
     * The items of the participants' plans that say they belong to the project, as they stood at
     * the instant: only a municipality taking part may name a project, so only theirs are read.
     */
    List<LinkedItem> itemsPartOf(Keeping keeping, JointProjects.Project project, Optional<Instant> asOf) {
        List<LinkedItem> linked = new ArrayList<>();
        for (MunicipalityCode city : project.project().participants()) {
            CityRows cityRows = rows.of(city, asOf);
            for (ProgressRow.Plan plan : cityRows.plans(city.value())) {
                cityRows.list(city.value(), plan.planId(), RowKey.ITEM, ProgressRow.Item.class).stream()
                        .filter(item -> !item.retired() && item.content().partOf().stream().anyMatch(link ->
                                link.names(keeping.keeper(), project.project().projectId())))
                        .forEach(item -> linked.add(new LinkedItem(city.value(), keeping.nameOf(city),
                                plan.planId().value(), plan.name(), item.itemId().value(), item.content().number(),
                                item.content().title())));
            }
        }
        return linked;
    }

    /** An item of a city's plan that says it belongs to a project, as the plan prints it. */
    record LinkedItem(String municipalityCode, String municipalityName, String planId, String planName,
            String itemId, String number, String title) {
    }

    private Keeping of(MunicipalityCode keeper, Instant at, Map<MunicipalityCode, String> names) {
        JointProjects projects = JointProjects.NONE;
        SubsidyTermsInForce terms = SubsidyTermsInForce.NONE;
        Map<ItemRef, String> titles = new HashMap<>();
        Consultations consultations = Consultations.NONE;
        for (DomainEventMessage<?> message : recorded.of(keeper, at)) {
            Object payload = message.getPayload();
            if (payload instanceof JointProjectEvent event) {
                projects = projects.apply(event);
            } else if (payload instanceof ConsultationEvent event) {
                consultations = consultations.apply(event);
            } else if (payload instanceof SubsidyTermsAdopted adopted) {
                terms = terms.apply(adopted);
            } else if (payload instanceof PlanItemAdded added) {
                titles.put(new ItemRef(added.planId(), added.itemId()), added.content().title());
            } else if (payload instanceof PlanItemRevised revised) {
                titles.put(new ItemRef(revised.planId(), revised.itemId()), revised.content().title());
            }
        }
        return new Keeping(keeper, projects, terms, Map.copyOf(titles), consultations, names);
    }
}
