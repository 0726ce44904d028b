package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.support.TongbanTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Search over the demo catalogue, as people type. */
@TongbanTest
class CatalogSearchTests {

    @Autowired
    CatalogSearch search;

    private List<String> names(String text) {
        return search.search(SearchQuery.text(text)).hits().stream().map(SearchHit::name).toList();
    }

    @Test
    void peopleWhoHaveABabyFindTheBirthCertificateAndBirthRegistration() {
        for (String typed : List.of("生孩子", "新生儿")) {
            assertThat(names(typed)).as(typed)
                    .anySatisfy(n -> assertThat(n).contains("出生医学证明"))
                    .anySatisfy(n -> assertThat(n).contains("出生登记"));
        }
    }

    @Test
    void anExactNameRanksFirst() {
        assertThat(names("食品经营许可").getFirst()).isEqualTo("食品经营许可");
        assertThat(names("社会保障卡申领").getFirst()).isEqualTo("社会保障卡申领");
        assertThat(names("企业设立登记").getFirst()).isEqualTo("企业设立登记");
    }

    @Test
    void findsItemsByAlias() {
        assertThat(names("开饭店")).anySatisfy(n -> assertThat(n).contains("食品经营许可"));
        assertThat(names("办营业执照")).anySatisfy(n -> assertThat(n).contains("设立登记"));
    }

    @Test
    void findsItemsByDepartmentName() {
        assertThat(search.search(SearchQuery.text("公积金中心")).hits())
                .anySatisfy(h -> assertThat(h.departmentName()).contains("公积金"));
    }

    @Test
    void findsNothingForNonsenseWithoutFailing() {
        assertThat(search.search(SearchQuery.text("qzxv ☃")).total()).isZero();
    }
}
