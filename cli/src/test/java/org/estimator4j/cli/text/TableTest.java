package org.estimator4j.cli.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The one table of the CLI: aligned columns and CSV. */
class TableTest {
    private static String print(Consumer<PrintWriter> printer) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        printer.accept(out);
        out.flush();
        return buffer.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void columnsAlignTwoSpacesApartAndTheLastIsNotPadded() {
        Table t = new Table("NAME", "KIND", "STATE").add("a", "loss", "LOADED").add("long_name", null, "FAILED: x");
        assertEquals(
                "NAME       KIND  STATE\na          loss  LOADED\nlong_name        FAILED: x\n", print(t::printTable));
        assertEquals(
                List.of("  NAME       KIND  STATE", "  a          loss  LOADED", "  long_name        FAILED: x"),
                t.lines("  "));
    }

    @Test
    void widthsCountCodePointsAndCellsShowTheirFirstLineByDefault() {
        Table t = new Table("k", "v").add("é😀", "x").add("two\nlines", "y");
        assertEquals("k     v\né😀    x\ntwo…  y\n", print(t::printTable));
        Table whole = new Table("k", "v").showCells(UnaryOperator.identity()).add("x".repeat(90), "y");
        assertEquals(90 + 2 + 1, whole.lines("").get(1).length());
    }

    @Test
    void highlightedRowsAreBoldOnlyWithAnsi() {
        Table t = new Table("a").add("x").add("y");
        assertEquals("a\nx\n\u001b[1my\u001b[0m\n", print(out -> t.printTable(out, row -> row == 1, true)));
        assertEquals("a\nx\ny\n", print(out -> t.printTable(out, row -> row == 1, false)));
    }

    @Test
    void csvQuotesWhatRfc4180NeedsAndWritesCellsWhole() {
        Table t = new Table("key", "value")
                .add("plain", "a,b")
                .add("q\"uote", "two\nlines")
                .add(null, "")
                .add("#comment", "x".repeat(90));
        assertEquals(
                "key,value\nplain,\"a,b\"\n\"q\"\"uote\",\"two\nlines\"\n,\n\"#comment\"," + "x".repeat(90) + "\n",
                print(t::printCsv));
    }

    @Test
    void rowsMustHaveOneCellPerColumn() {
        assertThrows(IllegalArgumentException.class, () -> new Table("a", "b").add("only one"));
    }
}
