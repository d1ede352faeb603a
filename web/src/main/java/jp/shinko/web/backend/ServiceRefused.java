package jp.shinko.web.backend;

/**
 * A service answered a request of the screens with a problem (RFC 9457): its status and its
 * detail, shown to the person as they are.
 */
public final class ServiceRefused extends RuntimeException {

    private final int status;
    private final String field;

    public ServiceRefused(int status, String detail) {
        this(status, detail, null);
    }

    /**
     * @param field the request field the problem names, if it names one
     */
    public ServiceRefused(int status, String detail, String field) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    /** The request field the problem names, if any: the page shows the problem next to it. */
    public String field() {
        return field;
    }

    /** The HTTP status the service answered. */
    public int status() {
        return status;
    }
}
