#pragma once
// Error types. Every failure a user can cause surfaces as one of these, with a
// one-line message naming the file / node / dataset involved; apps/ prints it and exits non-zero.
#include <stdexcept>
#include <string>

namespace evsim {

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A checkpoint that is missing, unreadable or does not match the schema.
struct CheckpointError : Error {
  using Error::Error;
};

// Input data (IN.h5, CSV, token ids) that does not fit the model.
struct InputError : Error {
  using Error::Error;
};

// A bad option value or an unsupported combination of options.
struct UsageError : Error {
  using Error::Error;
};

}  // namespace evsim
