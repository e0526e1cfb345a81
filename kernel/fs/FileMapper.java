package fs;

/**
 * An address space that maps pages of a {@link RegularFile} (an mm's VMAs do, in package
 * mm). The file keeps the list of its mappers, Linux's {@code mapping->i_mmap}, so that
 * shrinking the file can take the pages beyond the new end out of every page table that
 * maps them: a later access there is then a fault, and the fault handler sends SIGBUS.
 * Punching a hole unmaps the pages it frees in the same way.
 */
public interface FileMapper {
    /**
     * Unmaps, in this address space, every page mapped from {@code file} whose index in the
     * file lies in {@code [firstIndex, endIndex)}: the file's pages themselves and, if
     * {@code evenCows}, in private mappings the copies made from them too (truncate does,
     * Linux's unmap_mapping_range with even_cows = 1; punching a hole does not).
     */
    void unmapFilePages(RegularFile file, long firstIndex, long endIndex, boolean evenCows);
}
