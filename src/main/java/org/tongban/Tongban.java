package org.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tongban 通办: one deployable, one module per business capability (see docs/modules). */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class Tongban {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(Tongban.class);
        if (Boolean.getBoolean("tongban.startup-trace")) {
            // Each start-up step as a Java Flight Recorder event (docs/benchmarks.md, "Start-up").
            application.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        application.run(args);
    }
}
