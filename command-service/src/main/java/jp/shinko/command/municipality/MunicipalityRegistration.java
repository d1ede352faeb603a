package jp.shinko.command.municipality;

/**
 * The answer to a registration: what was registered, under which command id.
 *
 * @param code the municipality code
 * @param name the official name in Japanese
 * @param romanisedName the name in Latin letters
 * @param commandId the Idempotency-Key sent, or the id given to the request
 */
record MunicipalityRegistration(String code, String name, String romanisedName, String commandId) {
}
