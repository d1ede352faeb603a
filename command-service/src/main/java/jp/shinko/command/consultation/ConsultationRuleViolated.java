package jp.shinko.command.consultation;

import java.time.LocalDate;
import java.util.Map;
import jp.shinko.command.problem.RuleViolation;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.edge.ProblemType;

/** A consultation case's command that breaks one of its rules; nothing is stored. */
public final class ConsultationRuleViolated extends RuleViolation {

    private ConsultationRuleViolated(ProblemType type, String message, Map<String, Object> values) {
        super(type, message, values);
    }

    static ConsultationRuleViolated notRegistered(MunicipalityCode keeper) {
        return new ConsultationRuleViolated(ProblemType.NOT_FOUND, "municipality " + keeper + " is not registered",
                Map.of("municipalityCode", keeper.value()));
    }

    static ConsultationRuleViolated keptByAPrefecture(MunicipalityCode keeper) {
        return new ConsultationRuleViolated(ProblemType.RULE_VIOLATED, "code: " + keeper + " is a city's code; "
                + "consultation cases are kept by the prefecture whose desk answers them, such as 東京都 ("
                + MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT + ")", Map.of("field", "code"));
    }

    static ConsultationRuleViolated municipalityNotACity(MunicipalityCode municipality, boolean registered) {
        return new ConsultationRuleViolated(ProblemType.RULE_VIOLATED, "municipality: " + municipality
                + (registered ? " is a prefecture; a case is brought by a municipality"
                        : " is not registered; an admin registers it first"),
                Map.of("field", "municipality", "municipality", municipality.value()));
    }

    static ConsultationRuleViolated openedInTheFuture(LocalDate openedOn, LocalDate today) {
        return new ConsultationRuleViolated(ProblemType.RULE_VIOLATED, "openedOn: " + openedOn + " is after today ("
                + today + ")", Map.of("field", "openedOn", "openedOn", openedOn.toString()));
    }

    static ConsultationRuleViolated correctionReasonRequired(String what) {
        return new ConsultationRuleViolated(ProblemType.RULE_VIOLATED, "correctionReason: " + what
                + " is recorded already; say why it is corrected", Map.of("field", "correctionReason"));
    }
}
