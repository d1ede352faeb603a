package jp.shinko.command.relay;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether the broker the relay publishes to answers, and how far the relay is behind the event
 * store; shown as {@code kafka} in the health endpoint.
 */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final int TIMEOUT_MILLIS = 3000;

    private final Admin admin;
    private final RelayLag lag;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin, RelayLag lag) {
        super("Kafka is not reachable");
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.lag = lag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("relayPosition", lag.position()).withDetail("relayLag", lag.events());
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS));
        builder.up()
                .withDetail("clusterId", cluster.clusterId().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                .withDetail("brokers", cluster.nodes().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).size());
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
