package jp.shinko.infra.edge;

import java.util.List;
import java.util.stream.Collectors;

/** Request fields refused before anything is done with the request, naming each field and what it takes. */
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
