package mm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asm.Assembler;
import java.util.List;
import ld.Linker;
import obj.Executable;
import org.junit.jupiter.api.Test;
import vm.Context;
import vm.Cpu;
import vm.Isa;
import vm.PhysicalMemory;
import vm.Trap;
import vm.TrapCause;

/**
 * End to end: assembled programs run on a real CPU, whose page-fault traps go to
 * {@link Mm#handleFault} exactly as the kernel's trap dispatcher will send them.
 */
class CpuFaultTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(1024);

    /** How a run ended: the exit status (a0 at the first syscall) or the fault verdict. */
    private record Outcome(long status, FaultResult fault) {}

    private Outcome run(String... lines) throws Exception {
        Executable exe = new Linker().link(List.of(Assembler.assemble("t.s", String.join("\n", lines) + "\n")), List.of());
        Mm mm = Mm.exec(phys, exe, "/t", List.of("t"), List.of());
        Context ctx = new Context();
        ctx.pc = mm.entry();
        ctx.regs[Isa.SP] = mm.startStack();
        Cpu cpu = new Cpu(0);
        cpu.loadContext(ctx, mm.addressSpace());
        try {
            for (int steps = 0; steps < 100; steps++) {
                cpu.run(10_000);
                Trap trap = cpu.trap();
                if (trap == null) continue;
                if (trap.cause() == TrapCause.SYSCALL) return new Outcome(cpu.reg(Isa.A0), null);
                assertEquals(TrapCause.PAGE_FAULT, trap.cause(), trap::toString);
                FaultResult r = mm.handleFault(trap);
                if (!r.isResolved()) return new Outcome(-1, r);
            }
            throw new AssertionError("program did not finish");
        } finally {
            cpu.releaseAddressSpace();
            mm.release();
            assertEquals(0, phys.usedFrames(), "exit frees every frame");
        }
    }

    @Test
    void aStoreFarBelowTheStackGrowsItAndReadsBack() throws Exception {
        Outcome o = run(
                "        .globl _start",
                "_start: li    t0, 307200          # 300 KiB: below the initial 256 KiB stack",
                "        sub   t1, sp, t0",
                "        li    t2, 7",
                "        sb    t2, 0(t1)",
                "        lbu   a0, 0(t1)",
                "        li    a7, 60",
                "        syscall");
        assertEquals(new Outcome(7, null), o);
    }

    @Test
    void aStoreToTextIsAccerrAndALoadFromNowhereIsMaperr() throws Exception {
        Outcome text = run(
                "        .globl _start",
                "_start: li    t1, _start",
                "        sb    zero, 0(t1)",
                "        syscall");
        assertEquals(FaultResult.SEGV_ACCERR, text.fault().siCode());
        Outcome nowhere = run(
                "        .globl _start",
                "_start: li    t1, 0x1000",
                "        ld    a0, 8(t1)",
                "        syscall");
        assertEquals(FaultResult.segv(FaultResult.SEGV_MAPERR, 0x1008), nowhere.fault());
    }
}
