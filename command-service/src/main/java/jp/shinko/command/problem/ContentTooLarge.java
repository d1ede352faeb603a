package jp.shinko.command.problem;

/** A request whose content would be too large to record or publish; answered {@code 413}, nothing stored. */
public class ContentTooLarge extends RuntimeException {

    public ContentTooLarge(String message) {
        super(message);
    }
}
