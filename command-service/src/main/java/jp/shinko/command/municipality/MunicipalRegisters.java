package jp.shinko.command.municipality;

import jp.shinko.events.council.CouncilMeetings;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.organisation.OrganisationRegister;

/**
 * The registers a municipality keeps that its plans' commands consult: its organisations and its
 * council meetings, as they stand. {@link MunicipalRules} reads them from the municipality's
 * recorded events; a test of a plan alone may give a municipality that keeps none.
 */
public interface MunicipalRegisters {

    /** The municipality's register of organisations (empty if it has registered none). */
    OrganisationRegister organisationsOf(MunicipalityCode municipality);

    /** The municipality's council meetings. */
    CouncilMeetings councilMeetingsOf(MunicipalityCode municipality);
}
