package jp.shinko.events.progress;

/**
 * An entry that, once its fiscal year is closed, is recorded again only as a correction with a
 * reason.
 */
public interface Correctable {

    /** Why a closed fiscal year's entry was corrected; absent while the year is open. */
    String correctionReason();
}
