package org.tongban.catalog.web;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.tongban.catalog.ItemContent;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API answers with its own types: every record reachable from what {@link CatalogApi} returns is declared
 * in this package, so that no stored or internal record ({@link ItemContent}, its materials or time limits, a search
 * hit, identity's department) is published as it is, and a change to one of them cannot change the contract unseen.
 * The value sets (enums) of the catalogue are allowed: their constants are pinned in the OpenAPI document. No Spring.
 */
class ApiTypesTest {

    @Test
    void everyTypeTheApiAnswersWithIsItsOwn() {
        Set<Class<?>> reachable = reachableFrom(CatalogApi.class);
        assertThat(reachable).as("the stored content is not embedded").doesNotContain(ItemContent.class);
        assertThat(reachable).as("the walk finds the item content and its parts")
                .contains(ApiItem.class, ApiItemContent.class, ApiItemContent.Material.class,
                        ApiItemContent.Attachment.class, ApiItemContent.TimeLimit.class, ApiSearchHit.class,
                        ApiDepartment.class, ApiTheme.class, ItemContent.LimitUnit.class);

        Set<String> foreign = new TreeSet<>();
        for (Class<?> type : reachable) {
            boolean own = type.getPackageName().equals(CatalogApi.class.getPackageName());
            boolean platform = type.isPrimitive() || type.getPackageName().startsWith("java.");
            boolean catalogueValues = type.isEnum() && type.getPackageName().equals(ItemContent.class.getPackageName());
            if (!own && !platform && !catalogueValues) {
                foreign.add(type.getName());
            }
        }
        assertThat(foreign).as("types published by the API that are not the API's own: map them to a record in "
                + CatalogApi.class.getPackageName()).isEmpty();
    }

    /** The classes reachable from the return types of the GET handlers, through record components and type arguments. */
    static Set<Class<?>> reachableFrom(Class<?> controller) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Type> pending = new ArrayDeque<>();
        for (Method method : controller.getDeclaredMethods()) {
            if (method.isAnnotationPresent(GetMapping.class)) {
                pending.add(method.getGenericReturnType());
            }
        }
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            switch (type) {
                case ParameterizedType p -> {
                    pending.push(p.getRawType());
                    pending.addAll(java.util.List.of(p.getActualTypeArguments()));
                }
                case GenericArrayType a -> pending.push(a.getGenericComponentType());
                case WildcardType w -> pending.addAll(java.util.List.of(w.getUpperBounds()));
                case Class<?> c when c.isArray() -> pending.push(c.getComponentType());
                case Class<?> c -> {
                    if (seen.add(c) && c.isRecord()) {
                        for (RecordComponent component : c.getRecordComponents()) {
                            pending.push(component.getGenericType());
                        }
                    }
                }
                default -> throw new IllegalStateException("unexpected type " + type);
            }
        }
        return seen;
    }
}
