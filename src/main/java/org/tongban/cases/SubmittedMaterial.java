package org.tongban.cases;

import org.jspecify.annotations.Nullable;

/**
 * A material as the applicant provided it: a file (its hash in the file store), a license or shared record
 * attached by reference with consent (免提交), a signed commitment in its place (告知承诺), deferred (容缺, handed in
 * later) or seen on paper at the counter.
 *
 * @param reference the stored file's SHA-256, or the source's identifier of the license or record
 */
public record SubmittedMaterial(String name, Provision provision, @Nullable String reference,
                                @Nullable String fileName) {

    public enum Provision { FILE, BY_REFERENCE, COMMITMENT, DEFERRED, PAPER }
}
