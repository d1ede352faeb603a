package jp.shinko.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable logical name and revision under which an event is stored and published.
 *
 * <p>The name outlives the Java class: a class may be renamed or moved, the name never changes.
 * The revision is raised when the payload's shape changes; an upcaster beside the event turns
 * older revisions into the current one, so readers only ever see the current shape.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The logical name, a past-tense fact such as {@code MunicipalityRegistered}. */
    String name();

    /** The payload revision, starting at 1. */
    int revision();
}
