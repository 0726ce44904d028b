package org.tongban;

import org.junit.jupiter.api.Test;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tongban.shared.AuthorizedBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public method of every module's API (the public Spring beans in a module's base package) declares who may
 * call it: a role rule ({@code @PreAuthorize}, {@code @PostAuthorize}) or, for rules that are not roles, the
 * method's own check in words ({@link AuthorizedBy}). Stricter than "every method that changes state": a read of
 * public data says so too, so that nobody adds an API method without deciding who may call it. Left out: static
 * helpers, event listeners (called by the event registry, not by callers), and the framework's lifecycle methods.
 */
class AuthorizationRulesTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(Tongban.class);

    @Test
    void everyModuleApiMethodDeclaresItsAuthorizationRule() throws Exception {
        List<String> undeclared = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (ApplicationModule module : MODULES) {
            for (Class<?> api : apiTypes(module)) {
                for (Method method : api.getDeclaredMethods()) {
                    if (!isApiMethod(method)) {
                        continue;
                    }
                    String name = api.getSimpleName() + "." + method.getName()
                            + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toList();
                    listed.add(name);
                    if (!declaresRule(method)) {
                        undeclared.add(name);
                    }
                }
            }
        }
        assertThat(listed).as("the API methods are found").hasSizeGreaterThan(40)
                .anyMatch(m -> m.startsWith("CatalogManagement.publish"))
                .anyMatch(m -> m.startsWith("AccountManagement.createStaff"));
        assertThat(new TreeSet<>(undeclared)).as("module API methods without an authorization rule").isEmpty();
    }

    static List<Class<?>> apiTypes(ApplicationModule module) throws ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        String base = module.getBasePackage().getName();
        for (var bean : module.getSpringBeans()) {
            Class<?> type = Class.forName(bean.getFullyQualifiedTypeName());
            if (Modifier.isPublic(type.getModifiers()) && type.getPackageName().equals(base)) {
                types.add(type);
            }
        }
        return types;
    }

    private static boolean isApiMethod(Method method) {
        int modifiers = method.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers) || method.isSynthetic() || method.isBridge()) {
            return false;
        }
        if (method.isAnnotationPresent(EventListener.class) || method.isAnnotationPresent(TransactionalEventListener.class)
                || method.isAnnotationPresent(ApplicationModuleListener.class)) {
            return false;
        }
        return !overridesFrameworkMethod(method);
    }

    /** start(), close(), afterSingletonsInstantiated() …: called by Spring or the JVM, not by other modules. */
    private static boolean overridesFrameworkMethod(Method method) {
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> contract : type.getInterfaces()) {
                if (!contract.getName().startsWith("org.tongban.") && declares(contract, method)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean declares(Class<?> contract, Method method) {
        try {
            contract.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return Arrays.stream(contract.getInterfaces()).anyMatch(parent -> declares(parent, method));
        }
    }

    private static boolean declaresRule(Method method) {
        Class<?> type = method.getDeclaringClass();
        return method.isAnnotationPresent(PreAuthorize.class) || method.isAnnotationPresent(PostAuthorize.class)
                || method.isAnnotationPresent(AuthorizedBy.class) || type.isAnnotationPresent(PreAuthorize.class);
    }
}
