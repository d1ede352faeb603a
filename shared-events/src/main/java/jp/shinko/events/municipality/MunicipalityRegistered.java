package jp.shinko.events.municipality;

import jp.shinko.events.EventType;

/**
 * A municipality was registered, so its staff can start recording their plan's progress.
 *
 * @param municipalityCode its national local-government code
 * @param name its official name in Japanese, such as 多摩市
 * @param romanisedName its name in Latin letters, such as Tama
 */
@EventType(name = "MunicipalityRegistered", revision = 1)
public record MunicipalityRegistered(MunicipalityCode municipalityCode, String name, String romanisedName)
        implements MunicipalityEvent {

    @Override
    public <R> R accept(MunicipalityEvent.Visitor<R> visitor) {
        return visitor.municipalityRegistered(this);
    }
}
