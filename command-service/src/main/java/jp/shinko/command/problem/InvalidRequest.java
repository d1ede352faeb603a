package jp.shinko.command.problem;

import java.util.List;

/** Request fields refused before any command is sent, for checks Bean Validation cannot express. */
public final class InvalidRequest extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequest(FieldProblem problem) {
        super(problem.field() + ": " + problem.message());
        this.problems = List.of(problem);
    }

    public InvalidRequest(List<FieldProblem> problems) {
        super(problems.stream().map(problem -> problem.field() + ": " + problem.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request"));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
