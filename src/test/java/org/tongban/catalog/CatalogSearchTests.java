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
    @Autowired
    org.tongban.support.SignedIn signedIn;

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
    void findsItemsByTheirMaterialsAndQuestions() {
        // Words that are only in a material (成员名册及成员身份证明) and only in a question (刻章店可以自己选吗？).
        assertThat(names("成员名册").stream().limit(5)).contains("农民专业合作社设立登记");
        assertThat(names("刻章店可以自己选吗").stream().limit(5)).contains("公章刻制备案");
    }

    @Test
    void anAdministratorTeachesSearchANewWordAndItWorksAtOnce() {
        assertThat(search.search(SearchQuery.text("yibao")).total()).isZero();
        signedIn.as("catalog", () -> search.addSynonym("yibao，医保"));
        assertThat(names("yibao")).anySatisfy(n -> assertThat(n).contains("医疗保险"));
        assertThat(signedIn.as("catalog", () -> search.addedSynonyms())).extracting(CatalogSearch.SynonymRule::rule).contains("yibao,医保");
    }

    @Test
    void aSynonymRuleThatCannotBeParsedIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> signedIn.as("catalog", () -> search.addSynonym("只有一个词")))
                .isInstanceOf(org.tongban.shared.InvalidInputException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> signedIn.as("13800000001", () -> search.addSynonym("甲, 乙")))
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    @Test
    void findsNothingForNonsenseWithoutFailing() {
        assertThat(search.search(SearchQuery.text("qzxv ☃")).total()).isZero();
    }
}
