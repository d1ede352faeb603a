package jp.shinko.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void aReplicatedTopicNeedsAllButOneReplicaInSync() {
        NewTopic production = Topics.INTEGRATION_EVENTS.newTopic((short) 3);

        assertThat(production.replicationFactor()).isEqualTo((short) 3);
        assertThat(production.configs()).containsEntry("min.insync.replicas", "2").containsEntry("retention.ms", "-1");
    }

    @Test
    void aSingleBrokerTopicNeedsItsOneReplica() {
        assertThat(Topics.INTEGRATION_EVENTS.newTopic((short) 1).configs()).containsEntry("min.insync.replicas", "1");
    }
}
