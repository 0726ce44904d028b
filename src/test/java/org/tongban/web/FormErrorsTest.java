package org.tongban.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.validation.DirectFieldBindingResult;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTest {

    /** A form whose fields are declared in page order. */
    static class Application {
        String name;
        String idNumber;
        String date;
    }

    @Test
    void listsOneMessagePerFieldInTheOrderTheFormDeclaresItsFields() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("required", Locale.SIMPLIFIED_CHINESE, "必填");
        messages.addMessage("invalid", Locale.SIMPLIFIED_CHINESE, "格式不正确");
        messages.addMessage("wrong", Locale.SIMPLIFIED_CHINESE, "整体有误");
        DirectFieldBindingResult result = new DirectFieldBindingResult(new Application(), "application");
        result.rejectValue("date", "invalid");
        result.reject("wrong");
        result.rejectValue("name", "required");
        result.rejectValue("date", "required");

        assertThat(FormErrors.inFieldOrder(result, messages, Locale.SIMPLIFIED_CHINESE)).containsExactly(
                new FormErrors.Message("name", "必填"),
                new FormErrors.Message("date", "格式不正确"),
                new FormErrors.Message(null, "整体有误"));
    }
}
