package io.cinegraph.signals;

import io.cinegraph.domain.AgeBands;

import java.util.ArrayList;
import java.util.List;

/** Words and patterns for demographic cohorts (levels as in {@code cypher/candidates/cohort.cypher}). */
final class Cohorts {

    private Cohorts() {
    }

    /** "25–34-year-old male programmers", "women", "everyone". */
    static String describe(int level, Integer ageBand, String gender, String occupation) {
        if (level == 0 || gender == null) {
            return "everyone";
        }
        List<String> words = new ArrayList<>();
        if (level >= 2 && ageBand != null) {
            words.add(AgeBands.words(ageBand));
        }
        if (level >= 3 && occupation != null) {
            words.add((gender.equals("F") ? "female " : "male ") + plural(occupation));
        } else {
            words.add(gender.equals("F") ? "women" : "men");
        }
        return String.join(" ", words);
    }

    /** The Cypher properties that select the cohort. */
    static String pattern(int level, Integer ageBand, String gender, String occupation) {
        List<String> props = new ArrayList<>();
        if (level >= 1 && gender != null) {
            props.add("gender: '" + gender + "'");
        }
        if (level >= 2 && ageBand != null) {
            props.add("ageBand: " + ageBand);
        }
        if (level >= 3 && occupation != null) {
            props.add("occupation: '" + occupation + "'");
        }
        return props.isEmpty() ? "" : "{" + String.join(", ", props) + "}";
    }

    private static String plural(String occupation) {
        if (occupation.equals("none") || occupation.equals("other")) {
            return "people with occupation '" + occupation + "'";
        }
        return occupation.endsWith("s") ? occupation : occupation + "s";
    }
}
