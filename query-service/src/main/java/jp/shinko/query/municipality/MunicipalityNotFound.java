package jp.shinko.query.municipality;

import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.query.problem.NotFound;

/** A well-formed code that no municipality has been registered with. */
public class MunicipalityNotFound extends NotFound {

    public MunicipalityNotFound(MunicipalityCode code) {
        super("municipality " + code + " is not registered; GET /municipalities lists the registered ones");
    }
}
