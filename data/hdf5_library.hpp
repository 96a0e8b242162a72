#pragma once
// How libhdf5 is set up for the whole process, before its first call.

namespace evsim {

// libhdf5 (1.10) closes every file still open from an exit handler. A file whose close failed
// (the disk full, or past the file-size limit, while it was flushed) stays in its table half
// closed, and that handler then dereferences freed state: `convert egru-stack` to a full disk
// printed its error line and died with SIGSEGV. evsim closes every file it opens itself (RAII,
// before an output is renamed into place; a failed one is a temporary that is removed), so the
// handler is not installed. Call before any other HDF5 function.
void skip_hdf5_exit_handler();

}  // namespace evsim
