package jp.shinko.infra.testsupport;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * Who calls an endpoint in the role x endpoint tests, relative to the municipality the call
 * is about (the target) and one other municipality.
 */
public enum Caller {

    NOBODY,
    ADMIN,
    METRO_ANALYST,
    /** The Tokyo Metropolitan Government's editor, who writes only 東京都's own records. */
    METRO_EDITOR,
    AUDITOR,
    EDITOR_OF_TARGET,
    VIEWER_OF_TARGET,
    EDITOR_OF_ANOTHER,
    VIEWER_OF_ANOTHER;

    /** The person calling, empty for a call without a token. */
    public Optional<Actor> actor(MunicipalityCode target, MunicipalityCode another) {
        return Optional.ofNullable(switch (this) {
            case NOBODY -> null;
            case ADMIN -> Actor.of("matrix-admin", Role.ADMIN);
            case METRO_ANALYST -> Actor.of("matrix-analyst", Role.METRO_ANALYST);
            case METRO_EDITOR -> Actor.of("matrix-metro-editor", Role.METRO_EDITOR);
            case AUDITOR -> Actor.of("matrix-auditor", Role.AUDITOR);
            case EDITOR_OF_TARGET -> new Actor("matrix-editor", Role.MUNICIPAL_EDITOR, target, null);
            case VIEWER_OF_TARGET -> new Actor("matrix-viewer", Role.MUNICIPAL_VIEWER, target, null);
            case EDITOR_OF_ANOTHER -> new Actor("matrix-editor", Role.MUNICIPAL_EDITOR, another, null);
            case VIEWER_OF_ANOTHER -> new Actor("matrix-viewer", Role.MUNICIPAL_VIEWER, another, null);
        });
    }

    /** Everybody gets this status, even without a token (health). */
    public static Map<Caller, Integer> everybody(int status) {
        Map<Caller, Integer> statuses = anyVerified(status);
        statuses.put(NOBODY, status);
        return statuses;
    }

    /** Any verified person gets this status; no token gets 401. */
    public static Map<Caller, Integer> anyVerified(int status) {
        return statuses(status, status, status, status, status);
    }

    /** Only an admin gets this status; the others 403. */
    public static Map<Caller, Integer> adminOnly(int status) {
        return statuses(status, 403, 403, 403, 403);
    }

    /** Those who may read the target get this status; municipal roles of another municipality 403. */
    public static Map<Caller, Integer> readersOfTarget(int status) {
        return statuses(status, status, status, status, 403);
    }

    /** Only an auditor or an admin gets this status; everyone else with a token 403. */
    public static Map<Caller, Integer> auditorsAndAdmin(int status) {
        Map<Caller, Integer> statuses = statuses(status, 403, 403, 403, 403);
        statuses.put(AUDITOR, status);
        return statuses;
    }

    /** Only the Metropolitan Government's editors get this status; everyone else with a token 403. */
    public static Map<Caller, Integer> metroEditors(int status) {
        Map<Caller, Integer> statuses = statuses(403, 403, 403, 403, 403);
        statuses.put(METRO_EDITOR, status);
        return statuses;
    }

    /** An editor of the target and the Metropolitan Government's editors get this status; everyone else 403. */
    public static Map<Caller, Integer> editorsOfTargetAndMetroEditors(int status) {
        Map<Caller, Integer> statuses = editorsOfTarget(status);
        statuses.put(METRO_EDITOR, status);
        return statuses;
    }

    /** Only an editor of the target gets this status; everyone else with a token 403. */
    public static Map<Caller, Integer> editorsOfTarget(int status) {
        return statuses(403, 403, status, 403, 403);
    }

    private static Map<Caller, Integer> statuses(int admin, int analystAndAuditor, int editorOfTarget,
            int viewerOfTarget, int municipalOfAnother) {
        Map<Caller, Integer> statuses = new EnumMap<>(Caller.class);
        statuses.put(NOBODY, 401);
        statuses.put(ADMIN, admin);
        statuses.put(METRO_ANALYST, analystAndAuditor);
        statuses.put(METRO_EDITOR, analystAndAuditor); // a city is never 東京都, whose records it writes
        statuses.put(AUDITOR, analystAndAuditor);
        statuses.put(EDITOR_OF_TARGET, editorOfTarget);
        statuses.put(VIEWER_OF_TARGET, viewerOfTarget);
        statuses.put(EDITOR_OF_ANOTHER, municipalOfAnother);
        statuses.put(VIEWER_OF_ANOTHER, municipalOfAnother);
        return statuses;
    }
}
