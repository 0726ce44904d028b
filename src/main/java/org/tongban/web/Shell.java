package org.tongban.web;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Everything the page layouts need to know about the request, as the model attribute {@code shell}: the portal's
 * name, the language and display mode, the switches' links, the navigation and who is signed in.
 *
 * @param lang          the {@code <html lang>} value: {@code zh-CN} or {@code en}
 * @param largeTextHref the link that turns the large-text theme on, or off when it is on
 */
record Shell(String portalName, String owner, String hotline, String lang, boolean largeText, String largeTextHref,
             List<LanguageOption> languages, List<PublicNavigation.Item> navigation, @Nullable SignedInUser user) {

    /** One choice of the language switch, written in its own language; the current one is not a link. */
    record LanguageOption(String label, String lang, String href, boolean current) {
    }

    /** The person in the header: a display name and the labels of their roles. */
    record SignedInUser(String name, List<String> roles) {
    }

    /** The class on {@code <html>} that switches the stylesheet's large-text theme on. */
    public @Nullable String htmlClass() {
        return largeText ? "mode-large" : null;
    }

    Shell withUser(SignedInUser someone) {
        return new Shell(portalName, owner, hotline, lang, largeText, largeTextHref, languages, navigation, someone);
    }
}
