package ld;

import java.util.List;

/**
 * Linking failed. Holds every problem found, not just the first, each a complete line such as
 * {@code ld: hello.o: undefined reference to 'foo'}, in a deterministic order.
 */
public final class LinkException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> messages;

    /** A failure described by {@code messages}, at least one, each a full line without newline. */
    public LinkException(List<String> messages) {
        super(String.join("\n", messages));
        this.messages = List.copyOf(messages);
    }

    /** The problems, one line each, in the order the linker found them. */
    public List<String> messages() {
        return messages;
    }
}
