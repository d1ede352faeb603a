package jp.shinko.events.plan;

import java.util.Objects;

/**
 * An item of one of a local government's plans, named from outside the plan: a programme of the
 * Metropolitan Government's plan that a joint project belongs to or that subsidy terms are
 * adopted for.
 *
 * @param planId the plan
 * @param itemId the item within it
 */
public record ItemRef(PlanId planId, ItemId itemId) {

    public ItemRef {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(itemId, "itemId");
    }

    /** As messages and keys write it, {@code plan/item}. */
    @Override
    public String toString() {
        return planId + "/" + itemId;
    }
}
