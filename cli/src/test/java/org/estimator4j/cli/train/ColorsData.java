package org.estimator4j.cli.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The small experiment data the CLI tests train on: train.csv (2,000 rows) and test.csv (1,000 rows) of a color, a
 * size and a label that is "yes" exactly when the color is red or the size is above 1.5 — learnable by a linear model
 * over the color and the bucketized size.
 */
final class ColorsData {
    private ColorsData() {}

    static void write(Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder train = new StringBuilder("color,size,label\n");
        StringBuilder test = new StringBuilder("color,size,label\n");
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < 3000; i++) {
            String color = colors[r.nextInt(3)];
            double size = r.nextDouble() * 2;
            String label = color.equals("red") || size > 1.5 ? "yes" : "no";
            (i < 2000 ? train : test)
                    .append(color)
                    .append(',')
                    .append(size)
                    .append(',')
                    .append(label)
                    .append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("test.csv"), test);
    }
}
