package io.cinegraph.graph;

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
            words.add(ageLabel(ageBand));
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

    static String ageLabel(int band) {
        return switch (band) {
            case 1 -> "under-18";
            case 18 -> "18–24-year-old";
            case 25 -> "25–34-year-old";
            case 35 -> "35–44-year-old";
            case 45 -> "45–49-year-old";
            case 50 -> "50–55-year-old";
            default -> "56-and-over";
        };
    }

    private static String plural(String occupation) {
        if (occupation.equals("none") || occupation.equals("other")) {
            return "people with occupation '" + occupation + "'";
        }
        return occupation.endsWith("s") ? occupation : occupation + "s";
    }
}
