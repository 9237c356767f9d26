package io.uconform.simulator.esp32;

import java.util.List;

/**
 * When MicroPython's friendly REPL asks for another line ({@code ... }) instead of running what was
 * typed: an unclosed bracket or triple quote, a trailing backslash, or a compound statement
 * ({@code if}, {@code def}, {@code @decorator}, ...) whose last line is not yet empty. Written from
 * what the REPL does on a board and on the unix port; a rule on the text, not a parse.
 */
final class ContinuationRule {

    private static final List<String> COMPOUND = List.of("if", "while", "for", "try", "with", "def", "class", "async");

    private ContinuationRule() {
    }

    /** @param input the statement so far, lines joined by {@code \n} */
    static boolean continues(String input) {
        if (input.isEmpty()) {
            return false;
        }
        Quotes q = scan(input);
        if (q.inTripleQuote) {
            return true;
        }
        if (q.bracketOpen && !q.inSingleQuote) {
            return true;
        }
        if (input.endsWith("\\")) {
            return true;
        }
        return startsCompound(input) && !input.endsWith("\n");
    }

    private static boolean startsCompound(String input) {
        if (input.startsWith("@")) {
            return true;
        }
        for (String word : COMPOUND) {
            if (input.startsWith(word) && (input.length() == word.length() || !isIdentifier(input.charAt(word.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdentifier(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private record Quotes(boolean inTripleQuote, boolean inSingleQuote, boolean bracketOpen) {
    }

    /** Quote state as the REPL tracks it: one quote kind at a time, brackets counted outside quotes. */
    private static Quotes scan(String s) {
        String open = "";   // the quote we are in ("'", "\"", "'''" or "\"\"\""), or none
        int paren = 0;
        int brack = 0;
        int brace = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                String three = String.valueOf(c).repeat(3);
                if ((open.isEmpty() || open.equals(three)) && s.startsWith(three, i)) {
                    open = open.isEmpty() ? three : "";
                    i += 2;
                } else if (open.isEmpty() || open.equals(String.valueOf(c))) {
                    open = open.isEmpty() ? String.valueOf(c) : "";
                }
            } else if (c == '\\' && i + 1 < s.length() && "\'\"\\".indexOf(s.charAt(i + 1)) >= 0) {
                i += open.isEmpty() ? 0 : 1; // an escaped quote or backslash inside a string
            } else if (open.isEmpty()) {
                switch (c) {
                    case '(' -> paren++;
                    case ')' -> paren--;
                    case '[' -> brack++;
                    case ']' -> brack--;
                    case '{' -> brace++;
                    case '}' -> brace--;
                    default -> { }
                }
            }
        }
        return new Quotes(open.length() == 3, open.length() == 1, paren > 0 || brack > 0 || brace > 0);
    }
}
