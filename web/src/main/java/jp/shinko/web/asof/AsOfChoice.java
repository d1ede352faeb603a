package jp.shinko.web.asof;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import jp.shinko.events.calendar.TokyoTime;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The instant a person has chosen to see the records as of, kept in their session: while it is
 * set, every page shows what the records said then (the query service answers {@code asOf}) and
 * a banner says so. Times are chosen and shown in Asia/Tokyo.
 */
@Component
public class AsOfChoice {

    private static final String ATTRIBUTE = AsOfChoice.class.getName();
    /** As the banner and the form show it, to the second. */
    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** The instant chosen for this session, if any. */
    public Optional<Instant> current() {
        HttpSession session = session(false);
        return Optional.ofNullable(session == null ? null : (Instant) session.getAttribute(ATTRIBUTE));
    }

    /** The chosen instant as Tokyo time, as the form and the banner show it. */
    public Optional<String> shown() {
        return current().map(instant -> SHOWN.format(LocalDateTime.ofInstant(instant, TokyoTime.ZONE)));
    }

    void choose(Instant instant) {
        session(true).setAttribute(ATTRIBUTE, instant);
    }

    void clear() {
        HttpSession session = session(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    private static HttpSession session(boolean create) {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest()
                .getSession(create);
    }
}
