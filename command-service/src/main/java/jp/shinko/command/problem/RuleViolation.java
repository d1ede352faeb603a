package jp.shinko.command.problem;

import java.util.Map;
import jp.shinko.infra.edge.ProblemType;

/**
 * A command refused by a business rule: the kind of problem, a message that tells the caller
 * what to do, and the offending values by name. Reported as problem details; nothing is stored.
 */
public abstract class RuleViolation extends RuntimeException {

    private final ProblemType problemType;
    private final Map<String, Object> values;

    protected RuleViolation(ProblemType problemType, String message, Map<String, Object> values) {
        super(message);
        this.problemType = problemType;
        this.values = Map.copyOf(values);
    }

    public ProblemType problemType() {
        return problemType;
    }

    /** The offending values, by name; added to the problem details as they are. */
    public Map<String, Object> values() {
        return values;
    }
}
