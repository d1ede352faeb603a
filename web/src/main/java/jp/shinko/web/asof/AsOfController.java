package jp.shinko.web.asof;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.web.backend.ServiceRefused;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Chooses the instant every page shows the records as of, or goes back to now. A time in the
 * future is refused: the records of the future are not known.
 */
@Controller
class AsOfController {

    private final AsOfChoice choice;
    private final Clock clock;

    AsOfController(AsOfChoice choice, Clock clock) {
        this.choice = choice;
        this.clock = clock;
    }

    @PostMapping("/as-of")
    String choose(@RequestParam(required = false) String at, @RequestParam(defaultValue = "false") boolean now,
            @RequestHeader(value = "Referer", required = false) String from) {
        if (now || at == null || at.isBlank()) {
            choice.clear();
        } else {
            Instant instant;
            try {
                instant = LocalDateTime.parse(at.strip()).atZone(TokyoTime.ZONE).toInstant();
            } catch (DateTimeParseException malformed) {
                throw new ServiceRefused(400, "表示時点は 2026-04-01T09:00 の形で入力してください（東京時間）", "at");
            }
            if (instant.isAfter(clock.instant())) {
                throw new ServiceRefused(400, "表示時点に未来の時刻は選べません", "at");
            }
            choice.choose(instant);
        }
        return "redirect:" + (from != null && from.startsWith("http") ? pathOf(from) : "/");
    }

    /** Only the path and query of the page the form was on: never a redirect to another site. */
    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
