package dev.lamina.config.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.Layout;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help whose option descriptions wrap at spaces only. Picocli wraps with the JDK's line {@code BreakIterator}, which
 * breaks after {@code .} and {@code -}, so {@code server.port} came out as {@code server.} / {@code port}: a path
 * that cannot be copied from the help. A word longer than the column stays whole on its own line.
 */
final class WordWrapHelp extends CommandLine.Help {

    /** The factory that {@link ConfigCtl} installs on the whole command tree. */
    static final CommandLine.IHelpFactory FACTORY = WordWrapHelp::new;

    private WordWrapHelp(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                                      ColorScheme scheme) {
        Layout layout = super.createDefaultLayout(options, positionals, scheme);
        TextTable original = layout.textTable();
        WordWrapTable table = new WordWrapTable(scheme, original.columns());
        table.indentWrappedLines = original.indentWrappedLines;
        return new Layout(scheme, table, layout.optionRenderer(), layout.parameterRenderer());
    }

    /** A text table whose last (description) column wraps at spaces. */
    static final class WordWrapTable extends TextTable {

        private final ColorScheme scheme;

        WordWrapTable(ColorScheme scheme, Column... columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            Column[] columns = columns();
            if (col != columns.length - 1 || value == null) {
                return super.putValue(row, col, value);
            }
            Column column = columns[col];
            int firstWidth = column.width - column.indent - 1;
            int wrappedWidth = firstWidth - indentWrappedLines;
            List<Text> lines = new ArrayList<>();
            for (Text paragraph : value.splitLines()) {
                wrap(paragraph, firstWidth, wrappedWidth, lines);
            }
            Cell cell = null;
            int r = row;
            for (int i = 0; i < lines.size(); i++) {
                while (r >= rowCount()) {
                    addEmptyRow();
                }
                cell = super.putValue(r, col, lines.get(i));
                r = cell.row + 1;
            }
            return cell == null ? super.putValue(row, col, value) : cell;
        }

        private void wrap(Text paragraph, int firstWidth, int wrappedWidth, List<Text> out) {
            String plain = paragraph.plainString();
            int start = 0;
            boolean first = true;
            while (start < plain.length()) {
                int width = Math.max(1, first ? firstWidth : wrappedWidth);
                int end = start + width;
                if (end >= plain.length()) {
                    end = plain.length();
                } else {
                    int space = plain.lastIndexOf(' ', end);
                    if (space > start) {
                        end = space;
                    } else {
                        int next = plain.indexOf(' ', start);
                        end = next < 0 ? plain.length() : next;
                    }
                }
                Text piece = paragraph.substring(start, end);
                out.add(first ? piece : indent().concat(piece));
                first = false;
                start = end;
                while (start < plain.length() && plain.charAt(start) == ' ') {
                    start++;
                }
            }
            if (plain.isEmpty()) {
                out.add(paragraph);
            }
        }

        private Text indent() {
            return scheme.ansi().new Text(" ".repeat(indentWrappedLines), scheme);
        }
    }
}
