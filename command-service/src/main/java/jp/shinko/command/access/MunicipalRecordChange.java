package jp.shinko.command.access;

import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A command that changes one municipality's records: only a municipal-editor of that
 * municipality may send it, and the record it targets must be that municipality's.
 */
public interface MunicipalRecordChange {

    /** The municipality whose records change; the target record's identifier starts with it. */
    MunicipalityCode municipalityCode();
}
