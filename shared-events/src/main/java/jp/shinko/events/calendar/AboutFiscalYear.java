package jp.shinko.events.calendar;

/** An event about one fiscal year: its business time, as opposed to when it was recorded. */
public interface AboutFiscalYear {

    /** The fiscal year the fact is about. */
    FiscalYear fiscalYear();
}
