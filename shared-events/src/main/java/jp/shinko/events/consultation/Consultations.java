package jp.shinko.events.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A desk's consultation cases as they stand, folded from its {@link ConsultationEvent}s. Pure;
 * the case record and the query service's reading both fold with it.
 *
 * @param cases the cases in the order first opened
 */
public record Consultations(List<Case> cases) {

    /** A desk that has opened no case. */
    public static final Consultations NONE = new Consultations(List.of());

    public Consultations {
        cases = List.copyOf(cases);
    }

    /**
     * One case.
     *
     * @param opened the case as last recorded
     * @param answer its answer as last recorded; none until answered
     */
    public record Case(ConsultationOpened opened, ConsultationAnswered answer) {

        /** Whether the municipality may read it as the one it is for. */
        public boolean isFor(MunicipalityCode municipality) {
            return municipality.equals(opened.municipality());
        }

        /** The case after one of its events. */
        public Case apply(ConsultationEvent event) {
            return event.accept(new ConsultationEvent.Visitor<>() {
                @Override
                public Case consultationOpened(ConsultationOpened recorded) {
                    return new Case(recorded, answer);
                }

                @Override
                public Case consultationAnswered(ConsultationAnswered answered) {
                    return new Case(opened, answered);
                }
            });
        }
    }

    /** The case with this id, if there is one. */
    public Optional<Case> byId(CaseId caseId) {
        return cases.stream().filter(found -> found.opened().caseId().equals(caseId)).findFirst();
    }

    /** The cases after an event; an answer before its case is opened is refused by the record, never folded. */
    public Consultations apply(ConsultationEvent event) {
        List<Case> next = new ArrayList<>(cases);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).opened().caseId().equals(event.caseId())) {
                next.set(i, next.get(i).apply(event));
                return new Consultations(next);
            }
        }
        if (event instanceof ConsultationOpened opened) {
            next.add(new Case(opened, null));
        }
        return new Consultations(next);
    }
}
