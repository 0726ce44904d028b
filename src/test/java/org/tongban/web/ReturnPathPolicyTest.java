package org.tongban.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnPathPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/design", "/themes?audience=PERSON", "/search?q=%E5%87%BA%E7%94%9F&page=2",
            "/items/123#materials", "/.//example.org"})
    void keepsAPathOnThisSite(String path) {
        assertThat(ReturnPathPolicy.toSafeLocalPath(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.example", "//evil.example/design", "https://evil.example", "http:/evil.example",
            "javascript:alert(1)", "evil.example", "/\\evil.example", "\\\\evil.example", "/design\r\nSet-Cookie: x=1",
            "/design\tx", "/ design", " /design", "design"})
    void sendsAnythingElseHome(String candidate) {
        assertThat(ReturnPathPolicy.toSafeLocalPath(candidate)).isEqualTo("/");
    }

    @org.junit.jupiter.api.Test
    void refusesAnAbsurdlyLongPath() {
        assertThat(ReturnPathPolicy.toSafeLocalPath("/" + "a".repeat(5000))).isEqualTo("/");
    }
}
