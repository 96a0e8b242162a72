#include "data/output_stream.hpp"

#include "core/error.hpp"
#include "data/atomic_file.hpp"
#include "data/h5.hpp"

namespace evsim {

struct OutputStream::Impl {
  AtomicFile file;
  h5::Id h5file, dataset;
  int64_t steps, batch, width, written = 0;
  Impl(const std::string& path, int64_t t, int64_t b, int64_t w) : file(path), steps(t), batch(b), width(w) {}
};

OutputStream::OutputStream(const std::string& path, int64_t steps, int64_t batch, int64_t width)
    : impl_(std::make_unique<Impl>(path, steps, batch, width)) {
  try {
    impl_->h5file = h5::create_file(impl_->file.temp_path());
    impl_->dataset = h5::create_float_rows(impl_->h5file.get(), "output", {steps, batch, width});
  } catch (const Error& e) {
    throw InputError(path + ": " + e.what());
  }
}

OutputStream::~OutputStream() = default;

void OutputStream::write(int64_t t0, const Sequence& chunk) {
  Impl& m = *impl_;
  if (chunk.batch != m.batch || chunk.width != m.width || t0 != m.written)
    throw Error("output chunk at step " + std::to_string(t0) + " does not continue the output");
  try {
    h5::write_rows(m.dataset.get(), t0, chunk.steps, chunk.data.data());
  } catch (const Error& e) {
    throw InputError(m.file.final_path() + ": " + e.what());
  }
  m.written += chunk.steps;
}

void OutputStream::commit() {
  Impl& m = *impl_;
  if (m.written != m.steps)
    throw Error("output has " + std::to_string(m.written) + " of " + std::to_string(m.steps) + " steps");
  m.dataset.reset();
  try {
    h5::close_file(m.h5file);
  } catch (const Error& e) {
    throw InputError(m.file.final_path() + ": " + e.what());
  }
  m.file.commit();
}

}  // namespace evsim
