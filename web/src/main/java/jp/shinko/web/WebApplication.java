package jp.shinko.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The screens the people the system serves use: server-rendered pages in Japanese that call the
 * command and query services with the signed-in person's token. The browser holds only a session
 * cookie; the tokens stay here (a backend for the front end).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
