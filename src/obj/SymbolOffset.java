package obj;

/**
 * An address described as a symbol plus a byte offset, as a backtrace prints it:
 * {@code main+0x18}. Returned by {@link Executable#symbolAt(long)}.
 */
public record SymbolOffset(Symbol symbol, long offset) {
    /** "name" when the offset is zero, otherwise "name+0xoffset". */
    @Override
    public String toString() {
        return offset == 0 ? symbol.name : symbol.name + "+0x" + Long.toHexString(offset);
    }
}
