package org.tongban.catalog;

/**
 * Where a version stands: written (草稿), waiting for legal review (待审核), sent back with reasons (已退回), or
 * published (已发布). A published version is in force from its effective date until a later one takes over.
 */
public enum VersionStatus {
    DRAFT, SUBMITTED, RETURNED, PUBLISHED;

    public boolean open() {
        return this != PUBLISHED;
    }
}
