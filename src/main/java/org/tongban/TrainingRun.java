package org.tongban;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training start that writes the JDK's ahead-of-time cache at {@code package} (profile {@code aot-cache}): once
 * the application is ready it asks for the pages people open first (home, a search, a guide, the search API), so
 * that the cache holds what a first request loads too, then shuts down cleanly, embedded PostgreSQL included. Off
 * unless {@code tongban.training-run=true}.
 */
@Component
class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    private static final Pattern FIRST_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([0-9A-Z]+)\"");

    private final boolean enabled;

    TrainingRun(@Value("${tongban.training-run:false}") boolean enabled) {
        this.enabled = enabled;
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        if (!enabled || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        // On a thread of its own: the main thread returns from run(), as in a normal start.
        Thread.ofPlatform().name("training-run").start(() -> {
            int status = 0;
            try {
                visitFirstPages("http://localhost:" + web.getWebServer().getPort());
            } catch (Exception e) {
                log.error("Training run could not visit the first pages", e);
                status = 1;
            }
            int exit = SpringApplication.exit(ready.getApplicationContext());
            System.exit(status != 0 ? status : exit);
        });
    }

    private static void visitFirstPages(String base) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String api = get(http, base + "/api/v1/catalog/items?q=" + enc("出生登记"));
            get(http, base + "/");
            get(http, base + "/search?q=" + enc("营业执照"));
            Matcher code = FIRST_CODE.matcher(api);
            for (String path : code.find() ? List.of("/items/" + code.group(1)) : List.<String>of()) {
                get(http, base + path);
            }
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
