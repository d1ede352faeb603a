package jp.shinko.command.municipality;

import java.util.Map;
import jp.shinko.command.problem.RuleViolation;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.edge.ProblemType;

/** A second registration of a code that is already registered. */
class MunicipalityAlreadyRegistered extends RuleViolation {

    MunicipalityAlreadyRegistered(MunicipalityCode code, String registeredName) {
        super(ProblemType.ALREADY_EXISTS,
                "municipality " + code + " is already registered as " + registeredName
                        + "; a code is registered once",
                Map.of("municipalityCode", code.value(), "registeredName", registeredName));
    }
}
