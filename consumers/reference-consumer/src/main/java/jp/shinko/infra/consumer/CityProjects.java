package jp.shinko.infra.consumer;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The joint projects one municipality takes part in, kept from integration envelopes alone: a
 * project's events are keyed by the government that keeps it (東京都, 130001), and each envelope
 * lists every participating municipality in {@code participants}, so a city's consumer follows
 * its projects by that list without knowing who keeps them. A correction that drops the city
 * drops the project. Envelopes are deduplicated on {@code eventId}.
 */
public final class CityProjects {

    private final String municipality;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Project> projects = new LinkedHashMap<>();

    /** Follows the projects of this municipality code. */
    public CityProjects(String municipality) {
        this.municipality = municipality;
    }

    /**
     * A project as the envelopes told it.
     *
     * @param keeper the code of the government that keeps it
     * @param projectId its id among the keeper's
     * @param title its name
     * @param lead whether the city leads it (代表市)
     * @param fiscalYear the year it was adopted
     * @param grantedYen the subsidies decided so far, by fiscal year, in yen
     */
    public record Project(String keeper, String projectId, String title, boolean lead, int fiscalYear,
            Map<Integer, Long> grantedYen) {
    }

    /** Takes one envelope; false when it was seen before or is not about a project the city takes part in. */
    public boolean accept(JsonNode envelope) {
        if (!seen.add(envelope.path("eventId").asString())) {
            return false;
        }
        JsonNode participants = envelope.path("participants");
        if (!participants.isArray()) {
            return false; // a municipality's own record
        }
        JsonNode payload = envelope.path("payload");
        String key = envelope.path("municipalityCode").asString() + ":" + payload.path("projectId").asString();
        boolean takesPart = participants.valueStream().anyMatch(code -> code.asString().equals(municipality));
        switch (envelope.path("type").asString()) {
            case "JointProjectRecorded" -> {
                if (takesPart) {
                    Project earlier = projects.get(key);
                    projects.put(key, new Project(envelope.path("municipalityCode").asString(),
                            payload.path("projectId").asString(), payload.path("title").asString(),
                            payload.path("leadMunicipality").asString().equals(municipality),
                            payload.path("fiscalYear").asInt(), earlier == null ? new LinkedHashMap<>()
                                    : earlier.grantedYen()));
                } else {
                    projects.remove(key);
                }
            }
            case "SubsidyDecided" -> {
                Project project = projects.get(key);
                if (project != null) {
                    project.grantedYen().put(payload.path("fiscalYear").asInt(), payload.path("grantYen").asLong());
                }
            }
            default -> {
                // results and events of later types count only as news of the project
            }
        }
        return takesPart;
    }

    /** The projects the city takes part in, in the order first adopted. */
    public List<Project> projects() {
        return List.copyOf(projects.values());
    }
}
