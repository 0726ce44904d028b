package org.tongban.catalog.web;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.Resource;
import org.tongban.catalog.CatalogueDocument;
import org.tongban.catalog.ItemContent;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The administration form carries every element of an item there and back, so that editing loses nothing. */
class ItemFormTests {

    private static List<ItemContent> demoItems() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<ItemContent> items = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:demo/catalogue/*.json")) {
            try (InputStream in = file.getInputStream()) {
                items.addAll(json.readValue(in, CatalogueDocument.class).items());
            }
        }
        return items;
    }

    @Test
    void everyDemoItemSurvivesTheFormUnchanged() throws IOException {
        List<ItemContent> items = demoItems();
        assertThat(items).hasSizeGreaterThan(200);
        // The demo catalogue uses each national element somewhere, so the round trip covers them all.
        assertThat(items).anyMatch(i -> i.powerSource() != null && i.powerSource().entrusted() && i.entrustingDepartment() != null);
        assertThat(items).anyMatch(i -> !i.specialProcedures().isEmpty());
        assertThat(items).anyMatch(i -> !i.intermediaryServices().isEmpty());
        assertThat(items).anyMatch(i -> i.onlineAddress() != null);
        assertThat(items).anyMatch(i -> i.quantityLimit() != null);
        assertThat(items).anyMatch(i -> i.fees().stream().anyMatch(f -> f.waiverBasis() != null));
        assertThat(items).anyMatch(i -> i.materials().stream().anyMatch(m -> m.acceptanceStandard() != null));
        assertThat(items).anyMatch(i -> i.materials().stream().anyMatch(m -> m.paperSpec() != null));
        assertThat(items).anyMatch(i -> i.serviceObjects().size() > 1);
        for (ItemContent item : items) {
            assertThat(ItemForm.of(item).toContent()).as(item.name()).isEqualTo(item);
        }
    }

    @Test
    void aHandleItemCodeAndASpecialProcedureTypedIntoTheFormReachTheContent() {
        ItemForm form = new ItemForm();
        form.setHandleItemCode(" 11377000MB0000000X070001200000101 ");
        form.addRow("specialProcedures");
        form.getSpecialProcedures().getFirst().setName(" 专家评审 ");
        form.getSpecialProcedures().getFirst().getLimit().setValue(10);
        form.addRow("specialProcedures");  // left empty: dropped
        form.setIntermediaryServices("房屋安全鉴定\n 地质灾害危险性评估、压覆矿产资源评估 \n\n房屋安全鉴定");
        ItemContent content = form.toContent();
        assertThat(content.handleItemCode()).isEqualTo("11377000MB0000000X070001200000101");
        assertThat(content.specialProcedures()).containsExactly(new ItemContent.SpecialProcedure("专家评审",
                new ItemContent.TimeLimit(10, ItemContent.LimitUnit.WORKING_DAYS), null));
        assertThat(content.intermediaryServices()).containsExactly("房屋安全鉴定", "地质灾害危险性评估、压覆矿产资源评估");
        form.removeRow("specialProcedures:0");
        assertThat(form.toContent().specialProcedures()).isEmpty();
    }
}
