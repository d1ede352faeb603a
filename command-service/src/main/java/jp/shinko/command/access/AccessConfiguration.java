package jp.shinko.command.access;

import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Configuration;

/** Registers the actor and access interceptors; Axon's auto-configuration attaches them. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    ActorOnCommands actorOnCommands() {
        return new ActorOnCommands();
    }

    /** First among the command bus's interceptors: nothing happens for a command its sender may not send. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    CommandAccessCheck commandAccessCheck() {
        return new CommandAccessCheck();
    }
}
