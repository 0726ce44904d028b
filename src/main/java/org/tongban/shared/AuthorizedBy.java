package org.tongban.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The authorization rule of a module API method that is not a role ({@code @PreAuthorize} states those): what
 * entitles a caller, in words, checked by the method itself — "anyone: public registration", "the one-time set-up
 * token", "the signed-in account's own data". The architecture test requires every public method of a module's API
 * that changes state or reads non-public data to carry {@code @PreAuthorize}, {@code @PostAuthorize} or this, so
 * that nobody adds one without deciding who may call it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuthorizedBy {

    String value();
}
