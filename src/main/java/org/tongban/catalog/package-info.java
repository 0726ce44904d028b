/**
 * Catalogue (事项清单 and 办事指南): versioned service items with their national elements, legal review and publication, the public guide pages, Chinese search, and import and export for provincial synchronisation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "事项 Catalogue", allowedDependencies = {"shared", "web", "identity", "calendar"})
@org.jspecify.annotations.NullMarked
package org.tongban.catalog;
