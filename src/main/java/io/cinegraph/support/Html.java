package io.cinegraph.support;

/** The pieces the HTML reports share: one page head with the reports' style, and escaping. */
public final class Html {

    private Html() {
    }

    /** A page's opening up to and including its {@code <h1>} title. */
    public static String head(String title) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
                + "td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child"
                + "{text-align:left}h2{margin-top:2em}</style></head><body><h1>" + escape(title) + "</h1>";
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
