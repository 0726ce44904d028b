package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** An application's JSON is its fingerprint for the Idempotency-Key: the same answers must always read the same. */
class ApplicationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theFormsAnswersAreWrittenInKeyOrderWhateverOrderTheyCameIn() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add("field" + (char) ('a' + i % 26) + i);
        }
        Map<String, String> given = new LinkedHashMap<>();
        keys.reversed().forEach(k -> given.put(k, "答" + k));
        Application application = new Application("ITEM-1", null, given, List.of(),
                new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null));

        String written = json.writeValueAsString(application);

        List<String> order = new ArrayList<>(application.form().keySet());
        assertThat(order).isSorted().hasSize(30);
        int last = -1;
        for (String key : keys.stream().sorted().toList()) {
            int at = written.indexOf("\"" + key + "\"");
            assertThat(at).as(key).isGreaterThan(last);
            last = at;
        }
    }
}
