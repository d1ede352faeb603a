package jp.shinko.infra.edge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The edge's limits ({@code shinko.http.*}).
 *
 * @param maxBodySize the largest request body of an endpoint (1 MB)
 * @param maxLargeBodySize the largest of an endpoint matching {@code largeBodyPaths} (16 MB)
 * @param largeBodyPaths endpoints that take whole tables at once, as Ant path patterns
 * @param waitsPerCaller how many requests of one caller may wait at once for something elsewhere (32)
 */
@ConfigurationProperties("shinko.http")
public record EdgeProperties(DataSize maxBodySize, DataSize maxLargeBodySize, List<String> largeBodyPaths,
        Integer waitsPerCaller) {

    public EdgeProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        maxLargeBodySize = maxLargeBodySize == null ? DataSize.ofMegabytes(16) : maxLargeBodySize;
        largeBodyPaths = largeBodyPaths == null ? List.of() : List.copyOf(largeBodyPaths);
        waitsPerCaller = waitsPerCaller == null ? 32 : waitsPerCaller;
    }
}
