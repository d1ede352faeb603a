package jp.shinko.web.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may see the screens: everyone signed in through the identity provider (OpenID Connect,
 * authorization code with PKCE: the client is public and has no secret). Every form carries a
 * CSRF token; the session cookie is HttpOnly, SameSite=Lax, and Secure where served over TLS
 * (application.yml). What a person may read or change is decided by the services, from the token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain screens(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/static/**", "/webjars/**", "/signed-out", "/actuator/health",
                                "/actuator/health/**", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/signed-out"))
                .build();
    }
}
