package jp.shinko.web.backend;

import io.micrometer.context.ContextSnapshotFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import jp.shinko.web.asof.AsOfChoice;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The query service, called with the signed-in person's access token: it decides what they may
 * read. Every read is as of the instant the person chose, if they chose one ({@link AsOfChoice}).
 * A refusal becomes a {@link ServiceRefused} with the service's own detail.
 */
@Component
public class QueryService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int PAGE = 500;

    /** The instant chosen in the request of the page a read {@link #alongside} it is for. */
    private static final ThreadLocal<Optional<Instant>> CHOSEN_FOR_PAGE = new ThreadLocal<>();

    private final RestClient client;
    private final AsOfChoice asOf;
    private final AsyncTaskExecutor executor;
    private final ContextSnapshotFactory contexts = ContextSnapshotFactory.builder().build();

    QueryService(Services services, RestClient.Builder builder, AsOfChoice asOf,
            @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) AsyncTaskExecutor executor) {
        this.client = builder.baseUrl(services.queryService().toString()).build();
        this.asOf = asOf;
        this.executor = executor;
    }

    /**
     * Reads of this service for a page, made on another thread while the page's own thread makes
     * others: a page of several independent reads (the dashboard's four) waits for the longest
     * instead of their sum. Each is as of the instant chosen in the page's request and in its trace.
     */
    public <T> Later<T> alongside(Supplier<T> reads) {
        Optional<Instant> chosen = asOf.current();
        return new Later<>(executor.submitCompletable(contexts.captureAll().wrap(() -> {
            CHOSEN_FOR_PAGE.set(chosen);
            try {
                return reads.get();
            } finally {
                CHOSEN_FOR_PAGE.remove();
            }
        })));
    }

    /** Reads under way for a page. */
    public static final class Later<T> {

        private final CompletableFuture<T> reads;

        private Later(CompletableFuture<T> reads) {
            this.reads = reads;
        }

        /** Their answer once they are done; a refusal ({@link ServiceRefused}) as the reads threw it. */
        public T get() {
            try {
                return reads.join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw failed;
            }
        }
    }

    /** The JSON answer of a GET, as the person may read it, as of the instant they chose (if any). */
    public JsonNode get(OAuth2AuthorizedClient person, Function<UriBuilder, URI> uri) {
        return client.get().uri(builder -> withAsOf(uri.apply(builder)))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + person.getAccessToken().getTokenValue())
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    if (response.getStatusCode().isError()) {
                        JsonNode problem = body.isBlank() ? null : JSON.readTree(body);
                        throw new ServiceRefused(response.getStatusCode().value(), problem == null
                                ? response.getStatusCode().toString() : problem.path("detail").asString());
                    }
                    return JSON.readTree(body);
                });
    }
    /**
     * A paged table whole: every page of 500 rows read in turn, the rows together in the first
     * page's answer (a city's table may have more rows than one page holds).
     */
    public JsonNode wholeTable(OAuth2AuthorizedClient person, Function<UriBuilder, URI> uri) {
        JsonNode first = null;
        ArrayNode items = null;
        for (int page = 0; first == null || items.size() < first.path("totalItems").asInt(); page++) {
            int number = page;
            JsonNode answer = get(person, builder -> UriComponentsBuilder.fromUri(uri.apply(builder))
                    .replaceQueryParam("page", number).replaceQueryParam("size", PAGE).build(true).toUri());
            if (first == null) {
                first = answer;
                items = (ArrayNode) answer.path("items");
            } else if (answer.path("items").isEmpty()) {
                break;
            } else {
                items.addAll((ArrayNode) answer.path("items"));
            }
        }
        return first;
    }

    /**
     * A file the query service exports (a table as a workbook or CSV), as the person may read it,
     * as of the instant they chose; passed on to the browser with its type and file name.
     */
    public ResponseEntity<byte[]> file(OAuth2AuthorizedClient person, Function<UriBuilder, URI> uri) {
        return client.get().uri(builder -> withAsOf(uri.apply(builder)))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + person.getAccessToken().getTokenValue())
                .exchange((request, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    if (response.getStatusCode().isError()) {
                        String text = new String(body, StandardCharsets.UTF_8);
                        throw new ServiceRefused(response.getStatusCode().value(), text.isBlank()
                                ? response.getStatusCode().toString() : JSON.readTree(text).path("detail").asString());
                    }
                    HttpHeaders headers = new HttpHeaders();
                    headers.setContentType(response.getHeaders().getContentType());
                    String disposition = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
                    if (disposition != null) {
                        headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition);
                    }
                    return ResponseEntity.ok().headers(headers).body(body);
                });
    }

    private URI withAsOf(URI asked) {
        Optional<Instant> forPage = CHOSEN_FOR_PAGE.get();
        return (forPage != null ? forPage : asOf.current()).map(instant -> UriComponentsBuilder.fromUri(asked)
                .queryParam("asOf", instant.toString()).build(true).toUri()).orElse(asked);
    }
}
