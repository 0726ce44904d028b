package org.tongban.catalog;

/**
 * How far an import has got, told as it goes: first each item checked, then each item stored. Called on the
 * importing thread, inside the import's transaction, often (once per item): an implementation that writes the
 * counts somewhere does so at its own pace and outside that transaction.
 */
public interface ImportProgress {

    /** Nobody watches: the synchronous import. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void checked(int items, int total) {
        }

        @Override
        public void stored(int items, int total) {
        }
    };

    /** {@code items} of the document's {@code total} items have been checked. */
    void checked(int items, int total);

    /** All items have been checked and found right; {@code items} of {@code total} have been stored. */
    void stored(int items, int total);
}
