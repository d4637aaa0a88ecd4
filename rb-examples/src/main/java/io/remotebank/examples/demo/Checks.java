package io.remotebank.examples.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * What the script expects to happen, and whether it did. The demo exits 0 only when every check
 * passed; a failed check is also narrated, so the evaluator sees which step went wrong.
 */
final class Checks {

    private final List<Expectation> checks = new ArrayList<>();
    private final Narrator narrator;
    private int act;

    Checks(Narrator narrator) {
        this.narrator = narrator;
    }

    void act(int number) {
        this.act = number;
    }

    /**
     * Records an expectation.
     *
     * @return {@code passed}, so a step can stop when what it needs did not happen
     */
    boolean expect(String expectation, boolean passed, String observed) {
        checks.add(new Expectation(act, expectation, passed, observed));
        if (!passed) {
            narrator.say("UNEXPECTED: " + expectation + " (observed: " + observed + ")");
        }
        return passed;
    }

    boolean allPassed() {
        return !checks.isEmpty() && checks.stream().allMatch(Expectation::passed);
    }

    List<Expectation> all() {
        return List.copyOf(checks);
    }
}
