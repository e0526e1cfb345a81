package clonix;

import asm.Assembler;
import diag.CompileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ld.LinkException;
import ld.Linker;
import obj.Archive;
import obj.Executable;
import obj.ExecutableFormat;
import obj.FormatException;
import obj.ObjectFile;
import obj.ObjectFormat;

/**
 * Turns the files named on a command line into toolchain objects, by their kind: {@code .s}
 * is assembled, {@code .a} is an archive, {@code .o} an object file, anything else is read
 * as an executable. Shared by {@code ld}, {@code objdump} and {@code exec}.
 */
final class Inputs {
    private Inputs() {}

    /** Assembles or reads one object file. */
    static ObjectFile object(Path p) throws HostFiles.UserError, CompileException {
        String name = p.toString();
        if (name.endsWith(".s")) return Assembler.assemble(name, HostFiles.readText(p));
        try {
            return ObjectFormat.read(name, HostFiles.read(p));
        } catch (FormatException e) {
            throw new HostFiles.UserError(e.getMessage());
        }
    }

    static Archive archive(Path p) throws HostFiles.UserError {
        try {
            return Archive.read(p.toString(), HostFiles.read(p));
        } catch (FormatException e) {
            throw new HostFiles.UserError(e.getMessage());
        }
    }

    static Executable executable(Path p) throws HostFiles.UserError {
        try {
            return ExecutableFormat.read(p.toString(), HostFiles.read(p));
        } catch (FormatException e) {
            throw new HostFiles.UserError(e.getMessage());
        }
    }

    /**
     * Links objects, sources and archives into an executable; a single argument that is
     * already an executable is simply read.
     */
    static Executable link(List<Path> files, String entry) throws HostFiles.UserError, CompileException {
        if (files.size() == 1 && !isToolchainInput(files.get(0))) return executable(files.get(0));
        List<ObjectFile> objects = new ArrayList<>();
        List<Archive> libraries = new ArrayList<>();
        for (Path p : files) {
            if (p.toString().endsWith(".a")) libraries.add(archive(p));
            else objects.add(object(p));
        }
        try {
            return new Linker().entry(entry).link(objects, libraries);
        } catch (LinkException e) {
            throw new HostFiles.UserError(e.getMessage());
        }
    }

    static boolean isToolchainInput(Path p) {
        String n = p.toString();
        return n.endsWith(".s") || n.endsWith(".o") || n.endsWith(".a");
    }
}
