package jp.shinko.events.actor;

/** An identity that cannot act: an unknown role, or a municipal role without its municipality. */
public final class InvalidActor extends IllegalArgumentException {

    InvalidActor(String message) {
        super(message);
    }
}
