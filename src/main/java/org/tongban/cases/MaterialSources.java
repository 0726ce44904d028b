package org.tongban.cases;

import org.tongban.catalog.ItemContent;

import java.util.List;

/**
 * Where 免提交 materials come from: the electronic licences an applicant holds (电子证照) and the records shared data
 * holds about them (共享数据), each able to stand in for a material the item says a licence or shared data replaces.
 * The application form offers them; the applicant attaches one by reference, which is their consent to its use for
 * this case; the submission is refused for a reference the source does not offer this applicant for that material.
 * The demo city answers from {@link DemoMaterialSources}; the licences module and the data-sharing exchange replace it.
 */
public interface MaterialSources {

    /** What this applicant holds that can stand in for {@code material}; empty when nothing can (they upload it). */
    List<HeldMaterial> offers(Applicant applicant, ItemContent.Material material);

    /**
     * A licence or shared record, as the form offers it and the case keeps it.
     *
     * @param reference the source's identifier of it (a licence identifier, a shared record's key)
     * @param title     what the applicant and the department read, such as “营业执照（91377002HC10000182）”
     */
    record HeldMaterial(String reference, Kind kind, String title, String issuer) {

        public enum Kind { LICENSE, SHARED_DATA }
    }
}
