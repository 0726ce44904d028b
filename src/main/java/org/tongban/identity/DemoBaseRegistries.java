package org.tongban.identity;

import java.util.Map;

/**
 * The base registries of the fictional city 海川市, used when no {@link BaseRegistries} bean is declared. They hold
 * the demo citizens and enterprises, and a few more people (for trying registration: they have no account yet).
 * Every name and number is made up; region 377000 is not a real city.
 */
final class DemoBaseRegistries implements BaseRegistries {

    private static final Map<String, String> PEOPLE = Map.of(
            "377002199001011232", "张海川",
            "377002198506152247", "李小满",
            "37702119580308301X", "王秋生",
            "377003197505204123", "陈示例",
            // Not registered yet: try registration with these.
            "377002199203150046", "赵晴",
            "377003198808081022", "孙海燕",
            "377021197011202032", "周建国");

    private record LegalPerson(String name, String legalRepresentative) {
    }

    private static final Map<String, LegalPerson> LEGAL_PERSONS = Map.of(
            "91377002HC10000182", new LegalPerson("海川示例科技有限公司", "陈示例"),
            "92377003HC10000268", new LegalPerson("西岭区示例小吃店（个体工商户）", "李小满"));

    @Override
    public Answer person(String idNumber, String name) {
        String registered = PEOPLE.get(idNumber);
        return registered == null ? Answer.NOT_FOUND : registered.equals(name) ? Answer.MATCHED : Answer.MISMATCHED;
    }

    @Override
    public Answer legalPerson(String creditCode, String name, String legalRepresentative) {
        LegalPerson registered = LEGAL_PERSONS.get(creditCode);
        return registered == null ? Answer.NOT_FOUND
                : registered.name().equals(name) && registered.legalRepresentative().equals(legalRepresentative)
                ? Answer.MATCHED : Answer.MISMATCHED;
    }
}
