package jp.shinko.events.plan;

import jp.shinko.events.calendar.FiscalYear;

/**
 * Where a plan stands in its life in a fiscal year: before its period, in force, past its last
 * year, or past it with a later plan succeeding it. The one place this is decided, so the plan
 * list, the missing reports and the screens agree.
 */
public enum PlanState {

    /** 計画期間前: adopted for a period that has not begun. */
    NOT_STARTED("計画期間前"),
    /** 計画期間中: the fiscal year is one of the plan's. */
    IN_FORCE("計画期間中"),
    /** 計画期間終了: the plan's last fiscal year has passed. */
    ENDED("計画期間終了"),
    /** 後継計画へ移行: the plan's last fiscal year has passed and a later plan succeeds it. */
    SUCCEEDED("後継計画へ移行");

    private final String japanese;

    PlanState(String japanese) {
        this.japanese = japanese;
    }

    /** As a city would write it. */
    public String japanese() {
        return japanese;
    }

    /** The state of a plan for the years {@code from} to {@code to} in the fiscal year {@code current}. */
    public static PlanState of(FiscalYear from, FiscalYear to, FiscalYear current) {
        return of(from, to, current, false);
    }

    /** The same, for a plan that a later plan succeeds or not. */
    public static PlanState of(FiscalYear from, FiscalYear to, FiscalYear current, boolean succeeded) {
        if (from.isAfter(current)) {
            return NOT_STARTED;
        }
        if (!current.isAfter(to)) {
            return IN_FORCE;
        }
        return succeeded ? SUCCEEDED : ENDED;
    }
}
