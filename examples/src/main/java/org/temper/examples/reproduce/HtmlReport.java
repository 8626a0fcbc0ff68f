package org.temper.examples.reproduce;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Renders a {@link Report} as one HTML page whose figures are the PNG files beside it. */
final class HtmlReport {

    private HtmlReport() {
    }

    /**
     * @param report the content
     * @return the page
     */
    static String render(Report report) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(report.title())).append("</title>\n<style>body{font-family:sans-serif;max-width:1200px;"
                        + "margin:auto;padding:1em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid"
                        + " #ccc;padding:.3em .6em;text-align:right}td:first-child,th:first-child{text-align:left}"
                        + "img{max-width:100%}</style></head><body>\n<h1>").append(escape(report.title()))
                .append("</h1>\n");
        report.notes().forEach(n -> h.append("<p>").append(escape(n)).append("</p>\n"));
        for (Table t : report.tables()) {
            h.append("<h2>").append(escape(t.title())).append("</h2>\n<table>\n");
            row(h, "th", t.header());
            t.rows().forEach(r -> row(h, "td", r));
            h.append("</table>\n");
        }
        h.append("<h2>Figures</h2>\n");
        for (Map.Entry<String, String> f : report.figures().entrySet()) {
            String svg = f.getValue().replaceAll("\\.png$", ".svg");
            h.append("<figure><img src=\"").append(escape(f.getValue())).append("\" alt=\"").append(escape(f.getKey()))
                    .append("\"><figcaption>").append(escape(f.getKey())).append(" (<a href=\"").append(escape(svg))
                    .append("\">SVG</a>)</figcaption></figure>\n");
        }
        return h.append("<p>Every number: <a href=\"results.json\">results.json</a>.</p>\n</body></html>\n").toString();
    }

    /**
     * @param folder the experiment's folder
     * @param report the content
     * @return true when report.html was written now
     * @throws java.io.IOException when it cannot be written
     */
    static boolean write(Path folder, Report report) throws java.io.IOException {
        String page = render(report);
        return Outputs.write(folder.resolve("report.html"), tmp -> Files.writeString(tmp, page, StandardCharsets.UTF_8));
    }

    private static void row(StringBuilder h, String cell, List<String> cells) {
        h.append("<tr>");
        cells.forEach(c -> h.append('<').append(cell).append('>').append(escape(c)).append("</").append(cell).append('>'));
        h.append("</tr>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
