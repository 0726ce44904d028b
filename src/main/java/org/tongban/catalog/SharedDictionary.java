package org.tongban.catalog;

import org.tongban.catalog.FormField.Option;
import org.tongban.shared.Sex;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Dictionaries that a CHOICE field of an application form names instead of listing its options
 * ({@code "dictionary": "shared.Sex"}): values of the shared kernel, so that a form's answer is the kernel's own
 * value and other modules read it without a mapping. The list is short on purpose; a dictionary only one item needs
 * is listed on its field.
 */
public enum SharedDictionary {

    /** 性别, as {@link Sex} (the sex an ID number records). */
    SEX("shared.Sex", List.of(new Option(Sex.MALE.name(), "男"), new Option(Sex.FEMALE.name(), "女")));

    private final String dictionaryName;
    private final List<Option> options;

    SharedDictionary(String dictionaryName, List<Option> options) {
        this.dictionaryName = dictionaryName;
        this.options = options;
    }

    /** The name a form field gives, such as {@code shared.Sex}. */
    public String dictionaryName() {
        return dictionaryName;
    }

    public List<Option> options() {
        return options;
    }

    public static Optional<SharedDictionary> named(String name) {
        return Arrays.stream(values()).filter(d -> d.dictionaryName.equals(name)).findFirst();
    }
}
