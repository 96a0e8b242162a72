#include "data/hdf5_library.hpp"

#include <hdf5.h>

namespace evsim {

void skip_hdf5_exit_handler() { H5dont_atexit(); }

}  // namespace evsim
