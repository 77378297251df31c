#if canImport(Glibc)
    import Glibc
#endif

/// Gives the pages of memory freed after a large load back to the system. An import frees its parse buffers, row
/// tables and interning maps in many allocations below glibc's mmap threshold (which rises to 32 MiB once a large
/// block is freed), so they would stay resident in the heap after the graph is built; measured in
/// docs/PERFORMANCE.md ("Memory after a CSV load").
enum FreedMemory {
    static func returnToTheSystem() {
        #if canImport(Glibc)
            // glibc's `malloc_trim` is declared in <malloc.h>, which the Glibc module does not import; looked up
            // once by name (absent from other C libraries, where this does nothing).
            if let trim = mallocTrim { _ = trim(0) }
        #endif
    }

    #if canImport(Glibc)
        private typealias Trim = @convention(c) (Int) -> Int32
        private static let mallocTrim: Trim? = {
            // Under a sanitizer (AddressSanitizer, ThreadSanitizer) its own allocator replaces glibc's, so glibc's heap
            // holds nothing to return, and is never initialised by a first `malloc`: `malloc_trim` then initialises it
            // itself, which raced when imports ran in parallel (a SEGV in glibc's `mtrim` under ThreadSanitizer, once
            // in a clean-clone CI run on 7 December; not reproduced in three runs after). Nothing is trimmed there.
            if dlsym(nil, "__tsan_init") != nil || dlsym(nil, "__asan_init") != nil { return nil }
            return dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
        }()
    #endif
}
