#pragma once
// Thin RAII layer over the HDF5 C API. Functions throw evsim::Error with a message that
// names the object; callers prefix the file (and node) for a one-line user error.
#include <hdf5.h>

#include <string>
#include <vector>

#include "data/model_spec.hpp"

namespace evsim::h5 {

class Id {
 public:
  using Closer = herr_t (*)(hid_t);
  Id() = default;
  Id(hid_t id, Closer close) : id_(id), close_(close) {}
  Id(Id&& o) noexcept : id_(o.id_), close_(o.close_) { o.id_ = H5I_INVALID_HID; }
  Id& operator=(Id&& o) noexcept;
  Id(const Id&) = delete;
  Id& operator=(const Id&) = delete;
  ~Id() { reset(); }
  void reset();
  hid_t release();  // the id, no longer closed by this
  hid_t get() const { return id_; }
  explicit operator bool() const { return id_ >= 0; }

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer close_ = nullptr;
};

// HDF5 prints its error stack to stderr by default; we report our own one-liners.
void silence_errors();

Id open_file(const std::string& path);         // read-only
Id open_image(const void* data, size_t size);  // a file image in memory, read-only
Id create_file(const std::string& path);       // truncates
// Closes a file written through create_file, checking that its data reached the disk: HDF5
// keeps chunks and metadata in its caches, so a full disk (or the file-size limit) may show
// only here, and a close left to Id's destructor would have let a truncated file be committed.
// Every object in the file must be closed before.
void close_file(Id& file);
Id open_group(hid_t loc, const std::string& name);
Id create_group(hid_t loc, const std::string& name);
bool exists(hid_t loc, const std::string& name);
bool is_group(hid_t loc, const std::string& name);
std::vector<std::string> children(hid_t group);

// How `name` is linked into `loc`: "hard", "soft", "external", "missing" (or "unknown").
std::string link_kind(hid_t loc, const std::string& name);
// A key identifying the object itself (the same group reached by two hard links gives one key).
std::string object_key(hid_t obj);

Array read(hid_t loc, const std::string& name);
// Floats and ints larger than `compress_above` elements are chunked and gzip-compressed.
void write(hid_t loc, const std::string& name, const Array& a, int64_t compress_above = 64);
void write_string_list(hid_t loc, const std::string& name, const std::vector<std::string>& v);
// A float32 dataset of `shape` written later in blocks of rows (its first axis), chunked and
// compressed as write() does: for outputs streamed while a run goes on.
Id create_float_rows(hid_t loc, const std::string& name, const Shape& shape);
void write_rows(hid_t dataset, int64_t first, int64_t rows, const float* data);
// A 1-D int64 or float32 dataset that grows by append() (chunked, compressed): event lists
// written as a run produces them.
Id create_appendable(hid_t loc, const std::string& name, bool int64);
void append(hid_t dataset, const void* data, int64_t count, bool int64);

bool has_attr(hid_t loc, const std::string& name);
Array read_attr(hid_t loc, const std::string& name);
void write_attr(hid_t loc, const std::string& name, const Array& a);
// Doubles kept at full precision (dt, metrics), as scalar attribute or dataset.
void write_double(hid_t loc, const std::string& name, double v, bool as_attr);
double read_double(hid_t loc, const std::string& name, bool as_attr);

}  // namespace evsim::h5
