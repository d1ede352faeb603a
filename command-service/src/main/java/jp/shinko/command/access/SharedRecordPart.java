package jp.shinko.command.access;

import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A change to one municipality's part of a record another local government keeps, such as a
 * city's results of a joint project the Metropolitan Government adopted: only that
 * municipality's editors may send it (and the keeper's, where {@link #keeperMayWrite()}), and the
 * record it targets must be the keeper's. Whether the municipality takes part at all is the
 * record's own rule, checked when it is loaded.
 */
public interface SharedRecordPart {

    /** The local government that keeps the record; the target record's identifier starts with it. */
    MunicipalityCode keeper();

    /** The municipality whose part changes; none where the record names none, which only the keeper writes. */
    MunicipalityCode part();

    /** Whether the keeper's editors may send it too, such as a question the desk records for a city. */
    default boolean keeperMayWrite() {
        return false;
    }
}
