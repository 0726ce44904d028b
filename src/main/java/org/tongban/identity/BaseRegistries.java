package org.tongban.identity;

/**
 * Extension point: the national base registries (人口库 and 法人库) that registration checks names against. Declare
 * one bean of this type to ask the real registries (through the data-sharing exchange); without one, the demo
 * registries of the fictional city answer ({@code DemoBaseRegistries}).
 */
public interface BaseRegistries {

    /** What a registry says about a name given with a number. */
    enum Answer {
        /** The number is registered under that name. */
        MATCHED,
        /** The number is registered under another name. */
        MISMATCHED,
        /** The registry does not know the number (or could not be asked). */
        NOT_FOUND
    }

    /** The population registry: is this 18-character ID number registered under this name? */
    Answer person(String idNumber, String name);

    /** The legal-person registry: is this credit code registered under this name with this legal representative? */
    Answer legalPerson(String creditCode, String name, String legalRepresentative);
}
