/**
 * Web shell (门户外壳): the page layouts, design system components, display modes (large text 适老化, language) and the problem-JSON error format shared by every page and API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "门户外壳 Web shell", allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package org.tongban.web;
