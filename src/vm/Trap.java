package vm;

/**
 * Everything the kernel needs to know about why a CPU stopped: the cause, the pc as the ISA
 * reports it (after a {@code syscall}, at the instruction for every other trap), and for
 * memory traps the faulting address, the kind of access and the kind of fault.
 *
 * <p>Made by {@link Cpu#run} and read by the kernel's trap dispatcher. Fields that do not
 * apply to a cause are 0 or null: {@code address} is the faulting data address for page
 * faults and misaligned atomics and the pc for instruction-fetch faults; {@code access} is
 * set for page faults and misaligned traps; {@code fault} only for page faults.
 * {@code instruction} is the 64-bit word that trapped (0 when it could not be fetched).
 */
public record Trap(TrapCause cause, long pc, long address, AccessKind access, FaultKind fault, long instruction) {

    /** True for a page fault that {@link AddressSpace#resolveCow} may be able to repair. */
    public boolean isCopyOnWrite() {
        return fault == FaultKind.COPY_ON_WRITE;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(cause.name().toLowerCase());
        s.append(" at pc 0x").append(Long.toHexString(pc));
        if (access != null) {
            s.append(": ").append(access.name().toLowerCase()).append(" 0x").append(Long.toHexString(address));
        }
        if (fault != null) s.append(" (").append(fault.name().toLowerCase().replace('_', '-')).append(')');
        return s.toString();
    }
}
