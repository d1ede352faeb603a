package jp.shinko.command.access;

/**
 * A change to how a whole municipality works, such as its rating scheme: only its editors who
 * are not bound to one organisation may send it (a chamber of commerce's editor records its own
 * items, it does not set the city's rules).
 */
public interface CityWideChange extends MunicipalRecordChange {
}
