package org.tongban.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the page shell's data into the model of every page about to be rendered, so that pages of any module get the
 * header, switches, navigation and staff menu without passing them along. Only pages: API responses and redirects
 * have no view, and nothing is computed for them.
 */
@Component
class ShellModel implements HandlerInterceptor {

    static final String ROLE_PREFIX = "ROLE_";
    static final String SHELL = "shell";
    static final String STAFF_MENU = "staffMenu";
    /** Set, with the limits in words, when UploadLimit sent the person back from an upload that was too large. */
    static final String UPLOAD_TOO_LARGE = "uploadTooLarge";

    private final PortalProperties portal;
    private final MessageSource messages;
    private final ObjectProvider<StaffMenuContributor> contributors;
    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;

    ShellModel(PortalProperties portal, MessageSource messages, ObjectProvider<StaffMenuContributor> contributors,
               @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
               @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
        this.portal = portal;
        this.messages = messages;
        this.contributors = contributors;
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           @Nullable ModelAndView page) {
        if (page == null || !page.hasView() || page.getView() instanceof RedirectView
                || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        // A page may set its own shell (the design gallery shows a sample clerk's); it is kept.
        if (!page.getModel().containsKey(SHELL)) {
            page.addObject(SHELL, shell(request, RequestContextUtils.getLocale(request)));
        }
        if (!page.getModel().containsKey(STAFF_MENU)) {
            page.addObject(STAFF_MENU, staffMenu(request));
        }
        if (UploadLimit.isTooLargeReturn(request.getParameter(UploadLimit.PARAMETER))) {
            page.addObject(UPLOAD_TOO_LARGE, messages.getMessage("upload.too-large.text",
                    new Object[] {megabytes(maxFileSize), megabytes(maxRequestSize)},
                    RequestContextUtils.getLocale(request)));
        }
    }

    Shell shell(HttpServletRequest request, Locale requested) {
        Locale locale = WebConfiguration.supported(requested);
        boolean english = WebConfiguration.isEnglish(locale);
        boolean largeText = LargeTextMode.isOn(request);
        CurrentPage page = CurrentPage.of(request);
        String largeTextHref = UriComponentsBuilder.fromPath("/mode/large")
                .queryParam("on", !largeText)
                .queryParam("return", "{return}")
                .encode()
                .buildAndExpand(page.withoutLanguage())
                .toUriString();
        List<Shell.LanguageOption> languages = List.of(
                new Shell.LanguageOption("简体中文", "zh-CN", page.withLanguage("zh-CN"), !english),
                new Shell.LanguageOption("English", "en", page.withLanguage("en"), english));
        return new Shell(portal.name(english), portal.owner(english), portal.hotline(), english ? "en" : "zh-CN",
                largeText, largeTextHref, languages, PublicNavigation.itemsFor(page), signedInUser(locale));
    }

    List<StaffMenu.Section> staffMenu(HttpServletRequest request) {
        Set<String> roles = roles(SecurityContextHolder.getContext().getAuthentication());
        if (roles.isEmpty()) {
            return List.of();
        }
        List<StaffMenuEntry> entries = contributors.orderedStream()
                .flatMap(contributor -> contributor.staffMenuEntries().stream())
                .toList();
        return StaffMenu.build(entries, roles, CurrentPage.of(request).path());
    }

    private Shell.@Nullable SignedInUser signedInUser(Locale locale) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        String name = authentication.getPrincipal() instanceof ShellUser user ? user.displayName() : authentication.getName();
        List<String> roleLabels = roles(authentication).stream().sorted()
                .map(role -> messages.getMessage("role." + role, null, role, locale))
                .toList();
        return new Shell.SignedInUser(name, roleLabels);
    }

    private static String megabytes(DataSize size) {
        return size.toMegabytes() + " MB";
    }

    /** Role names without their prefix; empty for nobody or an anonymous visitor. */
    static Set<String> roles(@Nullable Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
