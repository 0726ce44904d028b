package org.tongban.catalog;

import org.tongban.shared.Refused;

/** A step in the life of a version that its current state, or the rules of review, do not allow. */
public class VersionTransitionRefused extends Refused {

    VersionTransitionRefused(String code, String message) {
        super(code, message);
    }
}
