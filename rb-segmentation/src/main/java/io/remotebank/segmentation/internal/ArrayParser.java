package io.remotebank.segmentation.internal;

import java.util.ArrayList;
import java.util.List;

/** PMML's Array: whitespace-separated items; string items may be double-quoted with \" escapes. */
final class ArrayParser {
    private ArrayParser() {}

    static List<String> parse(XmlNode array) {
        String type = array.oneOf("type", "string", java.util.Set.of("string", "int", "real"));
        String s = array.text();
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            StringBuilder item = new StringBuilder();
            if (c == '"' && type.equals("string")) {
                i++;
                boolean closed = false;
                while (i < s.length()) {
                    char d = s.charAt(i++);
                    if (d == '\\' && i < s.length() && s.charAt(i) == '"') {
                        item.append('"');
                        i++;
                    } else if (d == '"') {
                        closed = true;
                        break;
                    } else {
                        item.append(d);
                    }
                }
                if (!closed) {
                    throw array.invalid("unterminated quoted item");
                }
            } else {
                while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                    item.append(s.charAt(i++));
                }
            }
            out.add(item.toString());
        }
        String n = array.attr("n", null);
        if (n != null && !n.equals(Integer.toString(out.size()))) {
            throw array.invalid("n=\"" + n + "\" but the array has " + out.size() + " items");
        }
        return out;
    }
}
