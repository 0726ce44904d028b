package org.tongban.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a refused upload sends the person: back to our own form, never to another site. */
class UploadLimitTest {

    private static String backFrom(String referer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/catalogue/transfer/import");
        request.setServerName("zwfw.example.gov.cn");
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        return UploadLimit.backTo(request);
    }

    @Test
    void backToTheFormItCameFromKeepingItsQuery() {
        assertThat(backFrom("https://zwfw.example.gov.cn/admin/catalogue/ABC/edit?lang=en"))
                .isEqualTo("/admin/catalogue/ABC/edit?lang=en&upload=too-large");
        assertThat(backFrom("https://zwfw.example.gov.cn/admin/catalogue/transfer?upload=too-large"))
                .isEqualTo("/admin/catalogue/transfer?upload=too-large");
    }

    @Test
    void anotherSiteOrNoRefererLeadsHome() {
        assertThat(backFrom("https://evil.example.com/phish")).isEqualTo("/?upload=too-large");
        assertThat(backFrom("javascript:alert(1)")).isEqualTo("/?upload=too-large");
        assertThat(backFrom(null)).isEqualTo("/?upload=too-large");
    }
}
