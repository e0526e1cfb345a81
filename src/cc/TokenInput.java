package cc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A stream of tokens that macro expansion reads from and pushes its results back onto, so
 * that they are rescanned (C11 6.10.3.4). The stream ends with an EOF token which
 * {@link #next} keeps returning.
 *
 * <p>This base class reads one list; the preprocessor's input adds include files.
 */
class TokenInput {
    private final Deque<Token> pushedBack = new ArrayDeque<>();
    private final List<Token> tokens;
    private int pos;

    /** A stream over {@code tokens}, which must end with an EOF token. */
    TokenInput(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Takes the next token. */
    Token next() {
        if (!pushedBack.isEmpty()) return pushedBack.pop();
        return nextUnpushed();
    }

    /** The next token, without taking it. */
    Token peek() {
        if (!pushedBack.isEmpty()) return pushedBack.peek();
        return peekUnpushed();
    }

    /** Puts {@code list} in front of the stream, to be read next, in order. */
    void push(List<Token> list) {
        for (int i = list.size() - 1; i >= 0; i--) pushedBack.push(list.get(i));
    }

    /** True if the next token comes from the underlying list, not from a macro expansion. */
    boolean nothingPushedBack() {
        return pushedBack.isEmpty();
    }

    /** The next token of the underlying list; subclasses read their current file instead. */
    Token nextUnpushed() {
        Token t = tokens.get(pos);
        if (pos < tokens.size() - 1) pos++;
        return t;
    }

    Token peekUnpushed() {
        return tokens.get(pos);
    }
}
