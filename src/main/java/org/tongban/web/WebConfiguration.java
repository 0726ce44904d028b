package org.tongban.web;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Language, date input and error pages for every page of the portal.
 *
 * <p>The language is Simplified Chinese unless the user picks English with {@code ?lang=en}; the browser's
 * {@code Accept-Language} is deliberately not consulted, because a government portal answers in the official
 * language first and many public terminals are set to English. The choice is kept in the {@code tongban-lang}
 * cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;
    static final String LANGUAGE_PARAMETER = "lang";
    static final String LANGUAGE_COOKIE = "tongban-lang";

    /** Named {@code localeResolver} so that Boot's Accept-Language resolver steps aside. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setDefaultLocale(CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    private final ShellModel shellModel;

    WebConfiguration(ShellModel shellModel) {
        this.shellModel = shellModel;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SupportedLanguageInterceptor());
        registry.addInterceptor(shellModel);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new ChineseDateFormatter());
    }

    /**
     * Every error page is one template in the page shell, whatever the status: {@code error/page} picks a plain
     * message by status. Replaces Boot's resolver, which would look for a template per status code.
     */
    @Bean
    ErrorViewResolver errorViewResolver() {
        return (request, status, model) -> {
            Map<String, Object> errorModel = new HashMap<>(model);
            errorModel.put("errorKind", errorKind(status));
            errorModel.put("problems", request.getAttribute(PageProblems.PROBLEMS));
            return new ModelAndView("error/page", errorModel, status);
        };
    }

    static String errorKind(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case FORBIDDEN, UNAUTHORIZED -> "forbidden";
            case CONFLICT -> "conflict";
            default -> status.is4xxClientError() ? "bad-request" : "server";
        };
    }

    static boolean isEnglish(Locale locale) {
        return ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /** Only the two languages the portal is written in; anything else ({@code ?lang=fr}) falls back to Chinese. */
    static Locale supported(@Nullable Locale requested) {
        return requested != null && isEnglish(requested) ? ENGLISH : CHINESE;
    }

    private static final class SupportedLanguageInterceptor extends LocaleChangeInterceptor {

        SupportedLanguageInterceptor() {
            setParamName(LANGUAGE_PARAMETER);
            setIgnoreInvalidLocale(true);
        }

        @Override
        protected @Nullable Locale parseLocaleValue(String localeValue) {
            return supported(super.parseLocaleValue(localeValue));
        }
    }
}
