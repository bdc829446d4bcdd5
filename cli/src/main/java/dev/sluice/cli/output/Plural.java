package dev.sluice.cli.output;

/** "1 model", "2 models", "1 analysis", "3 analyses"; accepts the noun in either number. */
public final class Plural {
    private Plural() {
    }

    public static String of(long count, String noun) {
        String singular = singular(noun);
        return count + " " + (count == 1 ? singular : plural(singular));
    }

    static String singular(String noun) {
        if (noun.endsWith("analyses")) {
            return noun.substring(0, noun.length() - 2) + "is";
        }
        if (noun.endsWith("analysis") || noun.endsWith("ss") || !noun.endsWith("s")) {
            return noun;
        }
        if (noun.endsWith("ies")) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        return noun.substring(0, noun.length() - 1);
    }

    static String plural(String singular) {
        if (singular.endsWith("sis")) {
            return singular.substring(0, singular.length() - 2) + "es";
        }
        if (singular.endsWith("y") && !singular.endsWith("ey")) {
            return singular.substring(0, singular.length() - 1) + "ies";
        }
        if (singular.endsWith("s") || singular.endsWith("x")) {
            return singular + "es";
        }
        return singular + "s";
    }
}
