package fs;

/**
 * An address space that maps pages of a {@link RegularFile} (an mm's VMAs do, in package
 * mm). The file keeps the list of its mappers, Linux's {@code mapping->i_mmap}, so that
 * shrinking the file can take the pages beyond the new end out of every page table that
 * maps them: a later access there is then a fault, and the fault handler sends SIGBUS.
 */
public interface FileMapper {
    /**
     * Unmaps, in this address space, every page mapped from {@code file} whose index in the
     * file is {@code firstIndex} or more: the file pages themselves, and in private mappings
     * the copies made from them, as Linux's unmap_mapping_range(..., even_cows = 1) does on
     * truncate.
     */
    void unmapFilePages(RegularFile file, long firstIndex);
}
