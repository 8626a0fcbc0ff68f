package org.temper.examples.reproduce;

import java.util.List;

/**
 * A table of a report, rendered alike as HTML and Markdown.
 *
 * @param title its heading
 * @param header the column names
 * @param rows the cells, as text
 */
record Table(String title, List<String> header, List<List<String>> rows) {

    Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
