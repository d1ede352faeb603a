package jp.shinko.query.problem;

/** A well-formed request for something that does not exist; answered 404 with its message. */
public abstract class NotFound extends RuntimeException {

    protected NotFound(String message) {
        super(message);
    }
}
