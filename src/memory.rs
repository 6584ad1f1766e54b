//! Giving back to the system the memory a stage has let go of.
//!
//! glibc's allocator keeps freed blocks in the heap of the thread that allocated them: what
//! the reading of the inputs let go of (on the worker threads) is never reused by the
//! deciding of the glossary (on the calling thread), and stays counted against the process
//! unless it is given back.

/// Blocks of memory from this size up are mapped apart, and given back to the system as soon
/// as they are let go.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MAPPED_FROM_BYTES: std::ffi::c_int = 1 << 20;

/// Keeps large blocks of memory apart from the heap, whatever has been let go: glibc moves
/// its threshold for that up to the largest mapped block let go (up to 32 MB), after which
/// the lists of hundreds of thousands of items a glossary is decided with come from the heap,
/// and their room stays taken once they are let go. Does nothing where the allocator is not
/// glibc's.
pub(crate) fn map_large_blocks_apart() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        /// mallopt's parameter for the threshold.
        const M_MMAP_THRESHOLD: std::ffi::c_int = -3;
        extern "C" {
            fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
        }
        // SAFETY: mallopt takes no pointer; it only sets how glibc's allocator works from now on.
        unsafe {
            mallopt(M_MMAP_THRESHOLD, MAPPED_FROM_BYTES);
        }
    }
}

/// Gives back to the system the whole pages of freed memory that the allocator keeps; does
/// nothing where the allocator is not glibc's.
pub(crate) fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim takes no pointer and only returns free pages of glibc's heaps.
        unsafe {
            malloc_trim(0);
        }
    }
}
