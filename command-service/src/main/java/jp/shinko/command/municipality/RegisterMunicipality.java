package jp.shinko.command.municipality;

import jp.shinko.command.access.AdminOperation;
import jp.shinko.events.municipality.MunicipalityCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a municipality so that its staff can record their plan's progress; an admin's task.
 *
 * @param code its national local-government code
 * @param name its official name in Japanese
 * @param romanisedName its name in Latin letters
 */
public record RegisterMunicipality(@TargetAggregateIdentifier MunicipalityCode code, String name,
        String romanisedName) implements AdminOperation {

    @Override
    public String operation() {
        return "register a municipality";
    }
}
