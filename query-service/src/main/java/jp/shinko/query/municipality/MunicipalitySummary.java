package jp.shinko.query.municipality;

import java.time.OffsetDateTime;

/**
 * A registered municipality as the query API shows it.
 *
 * @param code the national local-government code
 * @param name the official name in Japanese
 * @param romanisedName the name in Latin letters
 * @param registeredAt when it was registered, in Tokyo time
 */
record MunicipalitySummary(String code, String name, String romanisedName, OffsetDateTime registeredAt) {
}
