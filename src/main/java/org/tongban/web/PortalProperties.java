package org.tongban.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a deployment calls its portal. A city other than the demo's Haichuan sets {@code tongban.portal.name},
 * {@code tongban.portal.name-en} and, where it runs its own line, {@code tongban.portal.hotline}.
 *
 * @param name    the portal's name on Chinese pages (海川市政务服务网)
 * @param nameEn  the portal's name on English pages
 * @param hotline the citizens' service hotline shown in every footer
 * @param owner   who runs the portal (主办单位), shown in the footer
 * @param ownerEn the same in English
 */
@ConfigurationProperties("tongban.portal")
record PortalProperties(
        @DefaultValue("海川市政务服务网") String name,
        @DefaultValue("Haichuan Government Services") String nameEn,
        @DefaultValue("12345") String hotline,
        @DefaultValue("海川市人民政府办公室") String owner,
        @DefaultValue("General Office of Haichuan Municipal People's Government") String ownerEn) {

    String name(boolean english) {
        return english ? nameEn : name;
    }

    String owner(boolean english) {
        return english ? ownerEn : owner;
    }
}
