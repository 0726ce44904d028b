package org.tongban.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one application context every integration test shares: the whole application on a random port, on a
 * throw-away embedded PostgreSQL with the demo data. Keep every {@code @SpringBootTest} on this annotation and
 * add nothing beside it, so that the suite starts PostgreSQL and Spring once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface TongbanTest {
}
