package jp.shinko.events.calendar;

/** An event about one quarter of a fiscal year. */
public interface AboutQuarter extends AboutFiscalYear {

    /** The quarter the fact is about. */
    Quarter quarter();
}
