package jp.shinko.command.municipality;

import java.time.LocalDate;
import java.util.Map;
import jp.shinko.command.problem.RuleViolation;
import jp.shinko.events.organisation.OrganisationId;
import jp.shinko.events.organisation.OrganisationRegister.Taken;
import jp.shinko.infra.edge.ProblemType;

/** A change to the register of organisations that breaks one of its rules; nothing is stored. */
final class OrganisationRuleViolated extends RuleViolation {

    private OrganisationRuleViolated(String message, Map<String, Object> values) {
        super(ProblemType.RULE_VIOLATED, message, values);
    }

    static OrganisationRuleViolated nameTaken(String field, Taken taken) {
        return new OrganisationRuleViolated(field + ": " + taken.name() + " is already a name of organisation "
                + taken.owner().organisationId() + " (" + taken.owner().name() + "); a name belongs to one "
                + "organisation only: revise that organisation first if the name has moved",
                Map.of("field", field, "name", taken.name(), "organisationId", taken.owner().organisationId(),
                        "organisationName", taken.owner().name()));
    }

    static OrganisationRuleViolated renamedOutsideItsTime(LocalDate effectiveOn, LocalDate earliest, LocalDate today) {
        return new OrganisationRuleViolated("effectiveOn: " + effectiveOn + " is not between " + earliest + " (after "
                + "the last rename) and today (" + today + "); a rename is recorded once it has taken effect",
                Map.of("field", "effectiveOn", "effectiveOn", effectiveOn.toString(), "earliest", earliest.toString(),
                        "today", today.toString()));
    }

    static OrganisationRuleViolated reasonRequired(OrganisationId id) {
        return new OrganisationRuleViolated("reason: organisation " + id + " is registered already; say why its name, "
                + "kind or aliases change", Map.of("field", "reason", "organisationId", id));
    }
}
