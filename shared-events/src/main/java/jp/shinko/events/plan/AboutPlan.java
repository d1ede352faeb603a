package jp.shinko.events.plan;

/** An event about one plan of its municipality. */
public interface AboutPlan {

    /** The plan the fact is about. */
    PlanId planId();
}
