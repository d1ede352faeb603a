package jp.shinko.command.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the actor and access interceptors; Axon's auto-configuration attaches them. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    ActorOnCommands actorOnCommands() {
        return new ActorOnCommands();
    }

    @Bean
    CommandAccessCheck commandAccessCheck() {
        return new CommandAccessCheck();
    }
}
