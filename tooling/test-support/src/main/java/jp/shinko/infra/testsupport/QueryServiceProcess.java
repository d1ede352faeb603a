package jp.shinko.infra.testsupport;

import java.net.URI;
import java.util.List;
import jp.shinko.infra.embedded.FreePorts;
import jp.shinko.infra.embedded.ServiceProcess;

/**
 * The query service running beside a test as its own process, from its runnable jar, on this
 * test JVM's PostgreSQL and identity provider, after the command service (which owns the event
 * store's schema): so a test of the screens reads what the command service recorded, as people
 * do. One per test JVM, stopped at its end.
 *
 * <p>The jar is named by the system property {@value #JAR_PROPERTY} (the module's build sets it).
 */
public final class QueryServiceProcess {

    /** The system property naming the query service's runnable jar. */
    public static final String JAR_PROPERTY = "shinko.test.query-service-jar";

    private static ServiceProcess service;

    private QueryServiceProcess() {
    }

    /** The running query service's base URL, starting it (and the command service before it) on first use. */
    public static synchronized URI baseUrl() {
        if (service == null) {
            CommandServiceProcess.baseUrl();
            service = ServiceProcesses.start("query-service", JAR_PROPERTY, FreePorts.any(), List.of());
            Runtime.getRuntime().addShutdownHook(new Thread(QueryServiceProcess::stop));
        }
        return service.baseUrl();
    }

    private static synchronized void stop() {
        try {
            service.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
