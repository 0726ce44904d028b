package org.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tongban 通办: one deployable, one module per business capability (see docs/modules). */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class Tongban {

    public static void main(String[] args) {
        SpringApplication.run(Tongban.class, args);
    }
}
