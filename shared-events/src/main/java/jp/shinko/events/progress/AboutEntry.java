package jp.shinko.events.progress;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jp.shinko.events.plan.AboutPlan;

/**
 * An event that fills in one cell of a plan's progress; a later event about the same cell
 * supersedes it.
 */
public interface AboutEntry extends AboutPlan {

    /** The cell this event fills in. Derived from the event's fields, never written to the wire. */
    @JsonIgnore
    EntryRef entryRef();
}
