package org.tongban.catalog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.tongban.catalog.ItemContent.CaseType;
import org.tongban.catalog.ItemContent.Material;
import org.tongban.identity.DepartmentManagement.DepartmentEntry;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo catalogue as the rules see it, without starting the application: every item valid, every published item
 * with an application form, and the demo using each thing applying needs somewhere (a commitment, an extension, a
 * 秒批 rule, a conditional field). The application's start imports the same files through the same rules.
 */
class DemoCatalogueTests {

    private static final List<ItemContent> items = new ArrayList<>();
    private static final Set<String> departments = new HashSet<>();
    private static final Map<String, ItemContent.Audience> themes = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:demo/catalogue/*.json")) {
            try (InputStream in = file.getInputStream()) {
                CatalogueDocument doc = json.readValue(in, CatalogueDocument.class);
                items.addAll(doc.items());
                doc.departments().stream().map(DepartmentEntry::creditCode).forEach(departments::add);
                doc.themes().forEach(t -> themes.put(t.code(), t.audience()));
            }
        }
    }

    @Test
    void all267ItemsMeetTheRules() {
        assertThat(items).hasSize(267);
        for (ItemContent item : items) {
            assertThat(ItemRules.check(item, departments, themes, TestItems.CALENDAR)).as(item.name()).isEmpty();
        }
    }

    @Test
    void everyItemHasAFormThatAsksWhoTheApplicantIsAndHowToReachThem() {
        for (ItemContent item : items) {
            List<FormField.Type> types = item.applicationForm().fields().stream().map(FormField::type).toList();
            assertThat(types).as(item.name()).contains(FormField.Type.PHONE)
                    .containsAnyOf(FormField.Type.ID_NUMBER, FormField.Type.CREDIT_CODE);
        }
        assertThat(items.stream().mapToInt(i -> i.applicationForm().fields().size()).average().orElseThrow())
                .isBetween(4.0, 12.0);
    }

    @Test
    void theDemoUsesEachThingApplyingNeeds() {
        List<Material> materials = items.stream().flatMap(i -> i.materials().stream()).toList();
        assertThat(materials.stream().filter(Material::commitmentAllowed).count()).isBetween(10L, 40L);
        assertThat(items.stream().filter(ItemContent::extensible))
                .hasSizeGreaterThan(20)
                .allMatch(i -> i.caseType() == CaseType.PROMISED && i.statutoryLimit() != null);
        assertThat(items.stream().filter(i -> i.instantApproval().offered()).map(ItemContent::name))
                .contains("高龄津贴申领", "城乡居民基本养老保险待遇申领");
        List<FormField> fields = items.stream().flatMap(i -> i.applicationForm().fields().stream()).toList();
        assertThat(fields).anyMatch(f -> f.requiredWhen() != null).anyMatch(f -> f.pattern() != null)
                .anyMatch(f -> f.dictionary() != null).anyMatch(f -> f.dateBound() != null)
                .anyMatch(f -> f.decimals() != null);
        assertThat(fields.stream().map(FormField::type).distinct()).containsExactlyInAnyOrder(FormField.Type.values());
    }
}
