package org.tongban.web;

/**
 * Implemented by the signed-in principal (the identity module's user details) to give the page header a person's
 * name rather than a login ID. Without it the header shows {@code Authentication.getName()}.
 */
public interface ShellUser {

    /** The name shown beside the role in the header, for example 王芳. */
    String displayName();
}
