package org.tongban.catalog;

/** A life-event theme (主题) under which people look for services: 出生, 退休, 开办 … */
public record Theme(String code, ItemContent.Audience audience, String name, String nameEn, int order) {

    public String displayName(boolean english) {
        return english ? nameEn : name;
    }
}
