package org.tongban.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tongban.catalog.TestItems;
import org.tongban.support.Http;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every paged page and endpoint, found in the application's own request mappings (a GET handler with a
 * {@code page} or {@code size} parameter), is tried with absurd values: each gets a 400 that names the parameter
 * (problem JSON for the API, the reason on the error page for pages), never a server error, and the server stays
 * healthy. A new paged endpoint is tested without anybody adding it here.
 */
@TongbanTest
class InputBoundsTests {

    /** Values for path variables of paged URLs; an unknown variable fails the test, asking for a sample here. */
    private static final Map<String, String> SAMPLES = Map.of(
            "code", "BIRTH",
            "creditCode", TestItems.MARKET_REGULATION);

    /** Who may reach which page: tried in order until the first page of a URL answers 200. */
    private static final List<String> ACCOUNTS = List.of("admin", "catalog", "legal", "clerk", "13800000001");

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JsonMapper json;

    private final Map<String, Http> sessions = new LinkedHashMap<>();

    record Paged(String path, Set<String> parameters) {
        boolean api() {
            return path.startsWith("/api/");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPagedEndpointRefusesAbsurdPages() {
        List<Paged> paged = pagedEndpoints();
        assertThat(paged).extracting(Paged::path)
                .as("the mappings must be discovered: at least the public search and the API")
                .contains("/search", "/api/v1/catalog/items");
        List<DynamicTest> tests = new ArrayList<>();
        for (Paged endpoint : paged) {
            tests.add(DynamicTest.dynamicTest(endpoint.path(), () -> tryAbsurdValues(endpoint)));
        }
        tests.add(DynamicTest.dynamicTest("the server is still healthy", () ->
                assertThat(new Http(port).get("/").statusCode()).isEqualTo(200)));
        return tests.stream();
    }

    private void tryAbsurdValues(Paged endpoint) {
        Http http = sessionReaching(endpoint);
        List<String> absurd = new ArrayList<>(List.of("page=0", "page=-1", "page=50000000", "page=2147483647",
                "page=99999999999", "page=abc"));
        if (endpoint.parameters().contains("size")) {
            absurd.addAll(List.of("size=0", "size=101", "size=100000000", "size=-5", "size=abc",
                    "page=11&size=100", "page=5000000&size=100"));
        }
        for (String query : absurd) {
            String url = endpoint.path() + "?" + query;
            HttpResponse<String> response = endpoint.api() ? http.getJson(url) : http.get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(400);
            String parameter = query.contains("size=") && !query.startsWith("page=") ? "size" : "page";
            if (endpoint.api()) {
                JsonNode errors = json.readTree(response.body()).get("errors");
                assertThat(errors).as(url + " lists its errors").isNotNull();
                assertThat(errors.findValuesAsString("field")).as(url).contains(parameter);
            } else {
                assertThat(response.body()).as(url + " says what is wrong")
                        .containsAnyOf(parameter.equals("page") ? new String[] {"页码", "第 50 页", "格式不正确"}
                                : new String[] {"每页条数", "格式不正确"});
            }
        }
    }

    private Http sessionReaching(Paged endpoint) {
        String first = endpoint.path() + "?page=1";
        Http anonymous = new Http(port);
        if (status(anonymous, endpoint, first) == 200) {
            return anonymous;
        }
        for (String account : ACCOUNTS) {
            Http http = sessions.computeIfAbsent(account, a -> {
                Http signedIn = new Http(port);
                assertThat(signedIn.login(a, "tongban2026").statusCode()).isEqualTo(302);
                return signedIn;
            });
            if (status(http, endpoint, first) == 200) {
                return http;
            }
        }
        return fail("no demo account reaches " + first + ": add one to ACCOUNTS");
    }

    private static int status(Http http, Paged endpoint, String url) {
        return (endpoint.api() ? http.getJson(url) : http.get(url)).statusCode();
    }

    private List<Paged> pagedEndpoints() {
        Set<String> seen = new TreeSet<>();
        List<Paged> paged = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                    continue;
                }
                Set<String> parameters = pagingParameters(e.getValue());
                if (parameters.isEmpty()) {
                    continue;
                }
                for (String pattern : e.getKey().getPatternValues()) {
                    String path = withSamples(pattern);
                    if (seen.add(path)) {
                        paged.add(new Paged(path, parameters));
                    }
                }
            }
        }
        return paged;
    }

    private static Set<String> pagingParameters(HandlerMethod handler) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
            if ("page".equals(name) || "size".equals(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static String withSamples(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String sample = SAMPLES.get(m.group(1));
            if (sample == null) {
                fail("paged URL " + pattern + " has the path variable {" + m.group(1) + "}: add a sample value to SAMPLES");
            }
            m.appendReplacement(path, Matcher.quoteReplacement(sample));
        }
        return m.appendTail(path).toString();
    }
}
