package jp.shinko.web.backend;

/**
 * A service answered a request of the screens with a problem (RFC 9457): its status and its
 * detail, shown to the person as they are.
 */
public final class ServiceRefused extends RuntimeException {

    private final int status;

    public ServiceRefused(int status, String detail) {
        super(detail);
        this.status = status;
    }

    /** The HTTP status the service answered. */
    public int status() {
        return status;
    }
}
