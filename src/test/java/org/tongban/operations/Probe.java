package org.tongban.operations;

/** An event only the tests publish, to watch a reaction fail, stay incomplete and be resubmitted. */
record Probe(String name) {
}
