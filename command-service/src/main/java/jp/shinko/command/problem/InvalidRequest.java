package jp.shinko.command.problem;

import java.util.List;
import java.util.stream.Collectors;

/** Request fields refused before any command is sent, for checks Bean Validation cannot express. */
public final class InvalidRequest extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequest(FieldProblem problem) {
        this(List.of(problem));
    }

    public InvalidRequest(List<FieldProblem> problems) {
        super(problems.stream().map(problem -> problem.field() + ": " + problem.message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
