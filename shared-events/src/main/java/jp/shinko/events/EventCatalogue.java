package jp.shinko.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.shinko.events.consultation.ConsultationAnswered;
import jp.shinko.events.consultation.ConsultationOpened;
import jp.shinko.events.council.CouncilMeetingRecorded;
import jp.shinko.events.council.CouncilOpinionRecorded;
import jp.shinko.events.jointproject.JointProjectRecorded;
import jp.shinko.events.jointproject.ProjectResultReported;
import jp.shinko.events.jointproject.SubsidyDecided;
import jp.shinko.events.kpi.KpiDefined;
import jp.shinko.events.kpi.KpiObservationRecorded;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.organisation.OrganisationRegistered;
import jp.shinko.events.organisation.OrganisationRevised;
import jp.shinko.events.plan.ItemCarriedOver;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanEnded;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemMoved;
import jp.shinko.events.plan.PlanItemRetired;
import jp.shinko.events.plan.PlanItemRevised;
import jp.shinko.events.plan.PlanRevised;
import jp.shinko.events.plan.PlanSuccessionRecorded;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.CityRatingRecorded;
import jp.shinko.events.progress.FiscalYearClosed;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.NarrativeRevised;
import jp.shinko.events.progress.NoTargetSet;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.events.settings.RatingSchemeAdopted;
import jp.shinko.events.settings.ReasonCodesAdopted;
import jp.shinko.events.settings.ReportingDeadlinesAdopted;
import jp.shinko.events.settings.StatusLegendAdopted;
import jp.shinko.events.settings.SubsidyTermsAdopted;

/**
 * Every published event type, looked up by class or by logical name.
 *
 * <p>The event store and the Kafka envelope refer to events by their logical {@link EventType}
 * name, never by Java class name; this catalogue is the one place that maps between the two.
 * A new event is added to {@link #EVENTS}; a test fails if one is forgotten.
 */
public final class EventCatalogue {

    /** All event classes of the published language. */
    public static final List<Class<? extends DomainEvent>> EVENTS = List.of(
            MunicipalityRegistered.class,
            RatingSchemeAdopted.class,
            StatusLegendAdopted.class,
            ReasonCodesAdopted.class,
            ReportingDeadlinesAdopted.class,
            OrganisationRegistered.class,
            OrganisationRevised.class,
            PlanAdopted.class,
            PlanRevised.class,
            PlanEnded.class,
            PlanSuccessionRecorded.class,
            ItemCarriedOver.class,
            PlanItemAdded.class,
            PlanItemRevised.class,
            PlanItemMoved.class,
            PlanItemRetired.class,
            IndicatorDefined.class,
            AnnualTargetSet.class,
            NoTargetSet.class,
            AnnualActualRecorded.class,
            CityRatingRecorded.class,
            PeriodStatusRecorded.class,
            NarrativeRevised.class,
            KpiDefined.class,
            KpiObservationRecorded.class,
            FiscalYearClosed.class,
            CouncilMeetingRecorded.class,
            CouncilOpinionRecorded.class,
            SubsidyTermsAdopted.class,
            JointProjectRecorded.class,
            SubsidyDecided.class,
            ProjectResultReported.class,
            ConsultationOpened.class,
            ConsultationAnswered.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_NAME =
            EVENTS.stream().collect(Collectors.toUnmodifiableMap(type -> typeOf(type).name(), Function.identity()));

    private EventCatalogue() {
    }

    /** The logical name and revision of an event class. */
    public static EventType typeOf(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
        }
        return type;
    }

    /** The event class published under a logical name, if this version of the catalogue knows it. */
    public static Optional<Class<? extends DomainEvent>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(Objects.requireNonNull(name, "name")));
    }

    /** Whether a class is one of the published events. */
    public static boolean isPublished(Class<?> type) {
        return EVENTS.contains(type);
    }
}
