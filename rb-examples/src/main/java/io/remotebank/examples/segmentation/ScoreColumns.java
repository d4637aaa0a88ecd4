package io.remotebank.examples.segmentation;

import io.remotebank.core.pii.Mask;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.PiiScanner;
import io.remotebank.core.text.CsvCell;
import io.remotebank.segmentation.model.FieldType;
import io.remotebank.segmentation.model.OutputField;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns {@code rb score} writes, the record's id and then the model's outputs, and how each
 * cell is written: personal data masked (unless asked otherwise) and every CSV cell encoded by rb-core's
 * {@link CsvCell}, as text (formulas neutralised) or, for a numeric output the model computed, as a
 * number.
 *
 * <p>Masking: a column whose name says it holds personal data ({@link PiiScanner#columnKind}, e.g.
 * {@code 姓名}, {@code mobile}) is masked by that kind whatever its values look like, which is how a
 * Chinese name is masked; any other id, and any text output, is masked where {@link Mask#text} finds
 * personal data in it. Numeric outputs are the model's arithmetic, not input, and are written as they
 * are.
 */
final class ScoreColumns {

    private final List<String> names = new ArrayList<>();
    private final boolean[] numeric;
    /** By column, the id first: the kind its name says it holds, or null. */
    private final PiiKind[] kinds;

    private final boolean unmasked;

    ScoreColumns(String idColumn, List<OutputField> outputs, boolean unmasked) {
        this.unmasked = unmasked;
        names.add(idColumn);
        numeric = new boolean[outputs.size()];
        kinds = new PiiKind[outputs.size() + 1];
        kinds[0] = PiiScanner.columnKind(idColumn).orElse(null);
        for (OutputField o : outputs) {
            names.add(o.name());
            numeric[o.index()] = o.type() == FieldType.NUMBER;
            kinds[o.index() + 1] = PiiScanner.columnKind(o.name()).orElse(null);
        }
    }

    /** The names of the columns, the id's first. */
    List<String> names() {
        return names;
    }

    /** The CSV header line, without its line break. */
    String header() {
        return CsvCell.textRow(names);
    }

    /** A record's id as it may be shown. */
    String id(String id) {
        return mask(kinds[0], id, true);
    }

    /** An output's value as it may be shown. */
    String value(int output, String value) {
        return mask(kinds[output + 1], value, !numeric[output]);
    }

    /** One scored record as a CSV line, without its line break. */
    String row(String id, List<String> outputs) {
        StringBuilder line = new StringBuilder(CsvCell.text(id(id)));
        for (int i = 0; i < outputs.size(); i++) {
            String value = value(i, outputs.get(i));
            line.append(',').append(numeric[i] && kinds[i + 1] == null ? CsvCell.number(value) : CsvCell.text(value));
        }
        return line.toString();
    }

    private String mask(PiiKind kind, String value, boolean text) {
        if (unmasked || value == null || value.isEmpty()) {
            return value;
        }
        if (kind != null) {
            return kind.mask(value);
        }
        return text ? Mask.text(value) : value;
    }
}
