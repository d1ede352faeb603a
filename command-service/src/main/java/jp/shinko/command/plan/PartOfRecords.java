package jp.shinko.command.plan;

import java.util.List;
import jp.shinko.command.municipality.MunicipalRules;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PartOf;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.infra.security.CurrentActor;

/**
 * The records of another government an item says it belongs to exist: the keeper a registered
 * prefecture, a programme an item of its plan, a joint project one it keeps and the item's
 * municipality takes part in. Checked when the item is sent, against what is recorded then.
 */
final class PartOfRecords {

    private PartOfRecords() {
    }

    /** Refuses the first link that names nothing; only for a caller who may write, whom the access check lets by. */
    static void check(MunicipalRules rules, MunicipalityCode municipality, PlanItemContent content) {
        if (CurrentActor.get().filter(actor -> actor.mayWrite(municipality)).isEmpty()) {
            return; // the access check refuses the command, before anything is said of others' records
        }
        for (int i = 0; i < content.partOf().size(); i++) {
            PartOf link = content.partOf().get(i);
            String field = "content.partOf[" + i + "]";
            if (!link.keeper().isPrefecture() || !rules.isRegistered(link.keeper())) {
                throw PlanRuleViolated.notPartOf(field + ".keeper", link.keeper() + " is not a registered "
                        + "prefecture; an item belongs to a programme or project of one, such as 東京都 (130001)");
            }
            if (link.programme() != null && !rules.hasItem(link.keeper(), link.programme())) {
                throw PlanRuleViolated.notPartOf(field + ".programme", "plan " + link.programme().planId() + " of "
                        + link.keeper() + " has no item " + link.programme().itemId());
            }
            if (link.projectId() != null) {
                List<MunicipalityCode> participants = rules.projectParticipants(link.keeper(), link.projectId())
                        .orElseThrow(() -> PlanRuleViolated.notPartOf(field + ".projectId", link.keeper()
                                + " keeps no joint project " + link.projectId()));
                if (!participants.contains(municipality)) {
                    throw PlanRuleViolated.notPartOf(field + ".projectId", "municipality " + municipality
                            + " takes no part in joint project " + link.projectId());
                }
            }
        }
    }
}
