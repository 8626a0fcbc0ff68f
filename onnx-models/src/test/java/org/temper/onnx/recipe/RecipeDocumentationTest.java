package org.temper.onnx.recipe;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/settings.md's table of defaults is the recipe's. */
class RecipeDocumentationTest {

    @Test
    void theSettingsTableShowsTheRecipesDefaults() throws Exception {
        Map<String, String> defaults = new HashMap<>();
        for (Recipe.ObjectiveKind kind : Recipe.ObjectiveKind.values()) {
            defaults.putAll(Recipe.defaults().toBuilder().objective(kind).build().settings());
        }
        defaults.putAll(Recipe.defaults().settings());
        int checked = 0;
        for (String line : Files.readAllLines(Path.of("../docs/settings.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length < 3 || !defaults.containsKey(cells[1].trim())) {
                continue;
            }
            String setting = cells[1].trim();
            assertEquals(defaults.get(setting).toLowerCase(Locale.ROOT), cells[2].trim().toLowerCase(Locale.ROOT),
                    "the default of " + setting + " in docs/settings.md");
            checked++;
        }
        assertTrue(checked >= 30, "only " + checked + " settings found in docs/settings.md");
    }
}
