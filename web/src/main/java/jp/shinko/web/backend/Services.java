package jp.shinko.web.backend;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services the screens call are.
 *
 * @param commandService the command service's base address
 * @param queryService the query service's base address
 */
@ConfigurationProperties("shinko.web")
public record Services(URI commandService, URI queryService) {
}
