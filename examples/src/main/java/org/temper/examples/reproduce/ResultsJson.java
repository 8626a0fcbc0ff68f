package org.temper.examples.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes results.json: the title, the experiment, the run, the experiment's own results (published
 * numbers, summaries, every trial without its bulk arrays, which stay in trials/), the figures and the
 * notes.
 */
final class ResultsJson {

    private ResultsJson() {
    }

    /**
     * @param report the content
     * @return the JSON tree
     */
    static ObjectNode tree(Report report) {
        ObjectNode root = TrialStore.JSON.createObjectNode();
        root.put("title", report.title());
        root.set("experiment", TrialStore.JSON.valueToTree(report.experiment()));
        root.set("run", TrialStore.JSON.valueToTree(report.run()));
        report.results().forEach((name, value) -> root.set(name, withoutBulk(TrialStore.JSON.valueToTree(value))));
        ObjectNode figures = root.putObject("figures");
        report.figures().forEach((name, png) -> figures.putObject(name).put("png", png)
                .put("svg", png.replaceAll("\\.png$", ".svg")));
        root.set("notes", TrialStore.JSON.valueToTree(report.notes()));
        return root;
    }

    /**
     * @param folder the experiment's folder
     * @param report the content
     * @return true when results.json was written now
     * @throws IOException when it cannot be written
     */
    static boolean write(Path folder, Report report) throws IOException {
        ObjectNode root = tree(report);
        return Outputs.write(folder.resolve("results.json"), tmp -> TrialStore.JSON.writeValue(tmp.toFile(), root));
    }

    /**
     * Drops, at any depth, packed logits (binary fields and the objects that hold one, such as
     * {@link StoredLogits}) and long arrays of numbers (labels, activations).
     */
    private static JsonNode withoutBulk(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (isBulk(f.getValue())) {
                    drop.add(f.getKey());
                } else {
                    withoutBulk(f.getValue());
                }
            }
            o.remove(drop);
        } else if (node instanceof ArrayNode a) {
            a.forEach(ResultsJson::withoutBulk);
        }
        return node;
    }

    private static boolean isBulk(JsonNode v) {
        if (v.isBinary()) {
            return true;
        }
        if (v.isObject()) {
            for (JsonNode e : v) {
                if (e.isBinary()) {
                    return true;
                }
            }
            return false;
        }
        if (!v.isArray() || v.size() <= 16) {
            return false;
        }
        for (JsonNode e : v) {
            if (!e.isNumber()) {
                return false;
            }
        }
        return true;
    }
}
