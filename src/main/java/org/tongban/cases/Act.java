package org.tongban.cases;

import java.time.Instant;
import java.time.LocalDate;

/** One act on a case: who, when (the instant, and the city's date it fell on), and the clock to derive deadlines. */
record Act(Actor by, Instant at, LocalDate on, CaseClock clock) {
}
