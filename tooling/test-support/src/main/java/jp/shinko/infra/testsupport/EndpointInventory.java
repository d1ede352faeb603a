package jp.shinko.infra.testsupport;

import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.server.resource.web.OAuth2ProtectedResourceMetadataFilter;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint a running service answers, as {@code "METHOD /path/{variable}"} ({@code ANY}
 * where a mapping accepts every method), so that a role x endpoint test can fail when an
 * endpoint has no row in its table: controllers, exposed actuator endpoints, and the one
 * endpoint Spring Security serves itself.
 */
public final class EndpointInventory {

    /** Served by a Spring Security filter (RFC 9728), so no handler mapping lists it. */
    public static final String PROTECTED_RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

    private EndpointInventory() {
    }

    /** The controllers' endpoints and the exposed actuator endpoints (GET) of this context. */
    public static SortedSet<String> of(ApplicationContext context) {
        SortedSet<String> endpoints = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> add(endpoints, info)));
        context.getBeanProvider(PathMappedEndpoints.class).ifAvailable(actuator -> {
            endpoints.add("GET " + actuator.getBasePath());
            actuator.getAllPaths().forEach(path -> endpoints.add("GET " + path));
        });
        context.getBeanProvider(FilterChainProxy.class).ifAvailable(security -> security.getFilterChains().stream()
                .flatMap(chain -> chain.getFilters().stream())
                .filter(OAuth2ProtectedResourceMetadataFilter.class::isInstance)
                .findAny()
                .ifPresent(metadata -> endpoints.add("GET " + PROTECTED_RESOURCE_METADATA)));
        return endpoints;
    }

    private static void add(SortedSet<String> endpoints, RequestMappingInfo info) {
        for (String value : info.getPatternValues()) {
            // a variable's pattern narrows what it matches, not which endpoint it is: {planId:[^.]+} is {planId}
            String pattern = value.replaceAll("\\{(\\w+):[^/]*}", "{$1}");
            if (info.getMethodsCondition().getMethods().isEmpty()) {
                endpoints.add("ANY " + pattern);
            }
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                endpoints.add(method + " " + pattern);
            }
        }
    }
}
