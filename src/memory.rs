//! Giving back to the system the memory a stage has let go of.
//!
//! glibc's allocator keeps freed blocks in the heap of the thread that allocated them: what
//! the reading of the inputs let go of (on the worker threads) is never reused by the
//! deciding of the glossary (on the calling thread), and stays counted against the process
//! unless it is given back.

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
