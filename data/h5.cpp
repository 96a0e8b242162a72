#include "data/h5.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "data/file_policy.hpp"

namespace evsim::h5 {
namespace {

// HDF5 reports a failed write without its cause; the system's error is still in errno. Only
// the causes a write can have are named (errno may hold a stale code from an earlier call).
std::string write_cause() {
  const int e = errno;
  return e == ENOSPC || e == EFBIG || e == EDQUOT || e == EIO ? std::string(" (") + std::strerror(e) + ")" : "";
}

void check(herr_t status, const std::string& what) {
  if (status < 0) throw Error(what + " failed" + write_cause());
}

Id checked(hid_t id, Id::Closer close, const std::string& what) {
  if (id < 0) throw Error(what);
  return Id(id, close);
}

Shape extent(hid_t space) {
  const int rank = H5Sget_simple_extent_ndims(space);
  if (rank < 0) throw Error("unreadable dataspace");
  std::vector<hsize_t> dims(static_cast<size_t>(rank));
  if (rank > 0) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  if (H5Sget_simple_extent_type(space) == H5S_NULL) return {0};
  return Shape(dims.begin(), dims.end());
}

std::vector<std::string> read_strings(hid_t obj, hid_t file_type, size_t count, bool is_attr) {
  std::vector<std::string> out(count);
  if (count == 0) return out;
  if (H5Tis_variable_str(file_type) > 0) {
    Id mem(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(mem.get(), H5T_VARIABLE);
    H5Tset_cset(mem.get(), H5Tget_cset(file_type));  // HDF5 will not convert between charsets
    std::vector<char*> buf(count, nullptr);
    herr_t st = is_attr ? H5Aread(obj, mem.get(), buf.data())
                        : H5Dread(obj, mem.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data());
    if (st < 0) throw Error("string data unreadable (file truncated or corrupt?)");
    for (size_t k = 0; k < count; ++k) out[k] = buf[k] ? buf[k] : "";
    for (char* p : buf) H5free_memory(p);
    return out;
  }
  // Fixed-length strings: read them as they are stored (NUL-padded, no terminator required),
  // so the last character of a full-width string is kept ('Affine' in S6, as h5py writes it;
  // a NUL-terminated memory type of the same width would cut it to 'Affin').
  const size_t len = H5Tget_size(file_type);
  if (len == 0 || len > (1u << 20)) throw Error("fixed-length strings of " + std::to_string(len) + " bytes");
  Id mem(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(mem.get(), len);
  H5Tset_strpad(mem.get(), H5T_STR_NULLPAD);
  H5Tset_cset(mem.get(), H5Tget_cset(file_type));
  const bool space_padded = H5Tget_strpad(file_type) == H5T_STR_SPACEPAD;
  std::vector<char> buf(count * len, '\0');
  herr_t st = is_attr ? H5Aread(obj, mem.get(), buf.data())
                      : H5Dread(obj, mem.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data());
  if (st < 0) throw Error("string data unreadable (file truncated or corrupt?)");
  for (size_t k = 0; k < count; ++k) {
    const char* p = buf.data() + k * len;
    size_t n = 0;
    while (n < len && p[n] != '\0') ++n;
    while (space_padded && n > 0 && p[n - 1] == ' ') --n;
    out[k] = std::string(p, n);
  }
  return out;
}

Array read_object(hid_t obj, bool is_attr) {
  Id type(is_attr ? H5Aget_type(obj) : H5Dget_type(obj), H5Tclose);
  Id space(is_attr ? H5Aget_space(obj) : H5Dget_space(obj), H5Sclose);
  if (!type || !space) throw Error("unreadable type or dataspace");
  Array a;
  a.shape = extent(space.get());
  int64_t elements = 0;
  if (!bounded_product(a.shape, int64_t(1) << 40, elements))
    throw Error("declares shape " + shape_str(a.shape) + ", beyond any model");
  const auto count = static_cast<size_t>(elements);
  const H5T_class_t cls = H5Tget_class(type.get());
  const double bytes = static_cast<double>(count) * (cls == H5T_STRING ? 64.0 : 8.0);
  require_memory(bytes, "declares shape " + shape_str(a.shape));
  // Deflate compresses at most ~1032:1: a large dataset stored in far fewer bytes is a file
  // that declares data it does not hold (refused before allocating it).
  if (!is_attr && bytes > 256e6) {
    const double stored = static_cast<double>(H5Dget_storage_size(obj));
    if (stored * 1100.0 < bytes / 2)
      throw Error("declares shape " + shape_str(a.shape) + " but stores " + format_bytes(stored) +
                  " (more than deflate can compress): refused");
  }
  auto read_into = [&](hid_t mem, void* buf) {
    if (count == 0) return;
    herr_t st = is_attr ? H5Aread(obj, mem, buf) : H5Dread(obj, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf);
    if (st < 0) throw Error("data unreadable (file truncated or corrupt?)");
  };
  switch (cls) {
    case H5T_FLOAT:
      a.kind = Array::Kind::Float;
      a.f.resize(count);
      read_into(H5T_NATIVE_FLOAT, a.f.data());
      break;
    case H5T_INTEGER:
      a.kind = Array::Kind::Int;
      a.i.resize(count);
      read_into(H5T_NATIVE_INT64, a.i.data());
      break;
    case H5T_STRING:
      a.kind = Array::Kind::String;
      a.s = read_strings(obj, type.get(), count, is_attr);
      break;
    default: {
      static const char* names[] = {"integer",  "float",     "time", "string",          "bitfield", "opaque",
                                    "compound", "reference", "enum", "variable-length", "array"};
      const int c = static_cast<int>(cls);
      throw Error(std::string("holds HDF5 ") + (c >= 0 && c < 11 ? names[c] : "unknown") +
                  " data, expected float, integer or string");
    }
  }
  return a;
}

Id make_space(const Shape& shape) {
  if (shape.empty()) return Id(H5Screate(H5S_SCALAR), H5Sclose);
  std::vector<hsize_t> dims(shape.begin(), shape.end());
  return Id(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose);
}

Id string_type() {
  Id t(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(t.get(), H5T_VARIABLE);
  H5Tset_cset(t.get(), H5T_CSET_UTF8);
  return t;
}

}  // namespace

Id& Id::operator=(Id&& o) noexcept {
  if (this != &o) {
    reset();
    id_ = o.id_;
    close_ = o.close_;
    o.id_ = H5I_INVALID_HID;
  }
  return *this;
}

void Id::reset() {
  if (id_ >= 0 && close_) close_(id_);
  id_ = H5I_INVALID_HID;
}

hid_t Id::release() {
  const hid_t id = id_;
  id_ = H5I_INVALID_HID;
  return id;
}

void close_file(Id& file) { check(H5Fclose(file.release()), "writing the file"); }

void silence_errors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

Id open_file(const std::string& path) {
  silence_errors();
  const std::string problem = input_file_problem(path);
  if (!problem.empty()) throw Error(problem);
  register_input(path);
#if H5_VERSION_GE(1, 12, 0)
  const htri_t is_hdf5 = H5Fis_accessible(path.c_str(), H5P_DEFAULT);
#else
  const htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
#endif
  if (is_hdf5 <= 0) throw Error("not an HDF5 file (or truncated/corrupt)");
  return checked(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose,
                 "cannot open HDF5 file (truncated or corrupt?)");
}

Id open_image(const void* data, size_t size) {
  silence_errors();
  if (size < 8) throw Error("not an HDF5 file (too short)");
  Id fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  check(H5Pset_fapl_core(fapl.get(), 1 << 16, 0), "file image setup");
  check(H5Pset_file_image(fapl.get(), const_cast<void*>(data), size), "file image setup");
  return checked(H5Fopen("evsim-image", H5F_ACC_RDONLY, fapl.get()), H5Fclose,
                 "not an HDF5 file (or truncated/corrupt)");
}

Id create_file(const std::string& path) {
  silence_errors();
  return checked(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose, "cannot create file");
}

Id open_group(hid_t loc, const std::string& name) {
  return checked(H5Gopen2(loc, name.c_str(), H5P_DEFAULT), H5Gclose, "group '" + name + "' cannot be opened");
}

Id create_group(hid_t loc, const std::string& name) {
  return checked(H5Gcreate2(loc, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose,
                 "group '" + name + "' cannot be created");
}

bool exists(hid_t loc, const std::string& name) {
  return H5Lexists(loc, name.c_str(), H5P_DEFAULT) > 0 && H5Oexists_by_name(loc, name.c_str(), H5P_DEFAULT) > 0;
}

bool is_group(hid_t loc, const std::string& name) {
  if (!exists(loc, name)) return false;
#if H5_VERSION_GE(1, 12, 0)
  H5O_info2_t info;
  if (H5Oget_info_by_name3(loc, name.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT) < 0) return false;
#else
  H5O_info_t info;
  if (H5Oget_info_by_name2(loc, name.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT) < 0) return false;
#endif
  return info.type == H5O_TYPE_GROUP;
}

std::vector<std::string> children(hid_t group) {
  std::vector<std::string> names;
#if H5_VERSION_GE(1, 12, 0)
  auto visit = [](hid_t, const char* name, const H5L_info2_t*, void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->emplace_back(name);
    return 0;
  };
  check(H5Literate2(group, H5_INDEX_NAME, H5_ITER_INC, nullptr, visit, &names), "listing group members");
#else
  auto visit = [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->emplace_back(name);
    return 0;
  };
  check(H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, nullptr, visit, &names), "listing group members");
#endif
  return names;
}

std::string link_kind(hid_t loc, const std::string& name) {
  if (H5Lexists(loc, name.c_str(), H5P_DEFAULT) <= 0) return "missing";
#if H5_VERSION_GE(1, 12, 0)
  H5L_info2_t info;
  if (H5Lget_info2(loc, name.c_str(), &info, H5P_DEFAULT) < 0) return "unknown";
#else
  H5L_info_t info;
  if (H5Lget_info(loc, name.c_str(), &info, H5P_DEFAULT) < 0) return "unknown";
#endif
  switch (info.type) {
    case H5L_TYPE_HARD:
      return "hard";
    case H5L_TYPE_SOFT:
      return "soft";
    case H5L_TYPE_EXTERNAL:
      return "external";
    default:
      return "unknown";
  }
}

std::string object_key(hid_t obj) {
#if H5_VERSION_GE(1, 12, 0)
  H5O_info2_t info;
  check(H5Oget_info3(obj, &info, H5O_INFO_BASIC), "reading object info");
  return std::to_string(info.fileno) + ":" + std::string(reinterpret_cast<const char*>(&info.token), sizeof info.token);
#else
  H5O_info_t info;
  check(H5Oget_info2(obj, &info, H5O_INFO_BASIC), "reading object info");
  return std::to_string(info.fileno) + ":" + std::to_string(info.addr);
#endif
}

Array read(hid_t loc, const std::string& name) {
  if (is_group(loc, name)) throw Error("is a group, expected a dataset");
  Id ds = checked(H5Dopen2(loc, name.c_str(), H5P_DEFAULT), H5Dclose,
                  "dataset cannot be opened (file truncated or corrupt?)");
  return read_object(ds.get(), false);
}

// Dataset creation: no timestamps (the same data gives the same bytes); `compressed`: chunked
// along the first axis so that a chunk stays under ~1 MiB, and gzip-compressed.
static Id creation_list(const Shape& shape, bool compressed) {
  Id dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  H5Pset_obj_track_times(dcpl.get(), false);
  if (!compressed) return dcpl;
  std::vector<hsize_t> chunk(shape.begin(), shape.end());
  hsize_t row = 1;
  for (size_t k = 1; k < chunk.size(); ++k) row *= chunk[k];
  chunk[0] = std::max<hsize_t>(1, std::min<hsize_t>(chunk[0], (1u << 18) / std::max<hsize_t>(1, row)));
  for (auto& c : chunk) c = std::max<hsize_t>(1, c);
  H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data());
  H5Pset_deflate(dcpl.get(), 4);
  return dcpl;
}

void write(hid_t loc, const std::string& name, const Array& a, int64_t compress_above) {
  Id space = make_space(a.shape);
  Id dcpl = creation_list(a.shape, a.kind != Array::Kind::String && !a.shape.empty() && a.size() > compress_above);
  hid_t file_type = H5T_IEEE_F32LE, mem_type = H5T_NATIVE_FLOAT;
  Id str;
  const void* buf = a.f.data();
  std::vector<const char*> ptrs;
  if (a.kind == Array::Kind::Int) {
    file_type = H5T_STD_I64LE;
    mem_type = H5T_NATIVE_INT64;
    buf = a.i.data();
  } else if (a.kind == Array::Kind::String) {
    str = string_type();
    file_type = mem_type = str.get();
    for (const auto& s : a.s) ptrs.push_back(s.c_str());
    buf = ptrs.data();
  }
  Id ds = checked(H5Dcreate2(loc, name.c_str(), file_type, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT), H5Dclose,
                  "dataset '" + name + "' cannot be created");
  if (a.size() > 0) check(H5Dwrite(ds.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf), "writing '" + name + "'");
}

Id create_float_rows(hid_t loc, const std::string& name, const Shape& shape) {
  Id space = make_space(shape);
  Id dcpl = creation_list(shape, true);
  return checked(H5Dcreate2(loc, name.c_str(), H5T_IEEE_F32LE, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                 H5Dclose, "dataset '" + name + "' cannot be created");
}

void write_rows(hid_t dataset, int64_t first, int64_t rows, const float* data) {
  Id file_space(H5Dget_space(dataset), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(file_space.get());
  std::vector<hsize_t> dims(static_cast<size_t>(std::max(rank, 1)));
  H5Sget_simple_extent_dims(file_space.get(), dims.data(), nullptr);
  if (rank < 1 || first < 0 || rows < 0 || static_cast<hsize_t>(first + rows) > dims[0])
    throw Error("rows " + std::to_string(first) + "+" + std::to_string(rows) + " outside the dataset");
  std::vector<hsize_t> start(dims.size(), 0), count = dims;
  start[0] = static_cast<hsize_t>(first);
  count[0] = static_cast<hsize_t>(rows);
  check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
        "selecting rows");
  Id mem_space(H5Screate_simple(rank, count.data(), nullptr), H5Sclose);
  if (rows > 0)
    check(H5Dwrite(dataset, H5T_NATIVE_FLOAT, mem_space.get(), file_space.get(), H5P_DEFAULT, data), "writing rows");
}

Id create_appendable(hid_t loc, const std::string& name, bool int64) {
  const hsize_t zero = 0, unlimited = H5S_UNLIMITED, chunk = 1 << 16;
  Id space(H5Screate_simple(1, &zero, &unlimited), H5Sclose);
  Id dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  H5Pset_obj_track_times(dcpl.get(), false);
  H5Pset_chunk(dcpl.get(), 1, &chunk);
  H5Pset_deflate(dcpl.get(), 4);
  return checked(H5Dcreate2(loc, name.c_str(), int64 ? H5T_STD_I64LE : H5T_IEEE_F32LE, space.get(), H5P_DEFAULT,
                            dcpl.get(), H5P_DEFAULT),
                 H5Dclose, "dataset '" + name + "' cannot be created");
}

void append(hid_t dataset, const void* data, int64_t count, bool int64) {
  if (count <= 0) return;
  Id old_space(H5Dget_space(dataset), H5Sclose);
  hsize_t size = 0;
  H5Sget_simple_extent_dims(old_space.get(), &size, nullptr);
  const hsize_t grown = size + static_cast<hsize_t>(count), n = static_cast<hsize_t>(count);
  check(H5Dset_extent(dataset, &grown), "growing a dataset");
  Id file_space(H5Dget_space(dataset), H5Sclose);
  check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &size, nullptr, &n, nullptr), "selecting its end");
  Id mem_space(H5Screate_simple(1, &n, nullptr), H5Sclose);
  check(H5Dwrite(dataset, int64 ? H5T_NATIVE_INT64 : H5T_NATIVE_FLOAT, mem_space.get(), file_space.get(), H5P_DEFAULT,
                 data),
        "appending");
}

void write_string_list(hid_t loc, const std::string& name, const std::vector<std::string>& v) {
  Array a;
  a.kind = Array::Kind::String;
  a.shape = {static_cast<int64_t>(v.size())};
  a.s = v;
  write(loc, name, a);
}

bool has_attr(hid_t loc, const std::string& name) { return H5Aexists(loc, name.c_str()) > 0; }

Array read_attr(hid_t loc, const std::string& name) {
  Id attr = checked(H5Aopen(loc, name.c_str(), H5P_DEFAULT), H5Aclose, "attribute '" + name + "' cannot be opened");
  return read_object(attr.get(), true);
}

void write_attr(hid_t loc, const std::string& name, const Array& a) {
  Id space = make_space(a.shape);
  Id str;
  hid_t file_type = H5T_IEEE_F64LE, mem_type = H5T_NATIVE_FLOAT;
  const void* buf = a.f.data();
  std::vector<const char*> ptrs;
  if (a.kind == Array::Kind::Int) {
    file_type = H5T_STD_I64LE;
    mem_type = H5T_NATIVE_INT64;
    buf = a.i.data();
  } else if (a.kind == Array::Kind::String) {
    str = string_type();
    file_type = mem_type = str.get();
    for (const auto& s : a.s) ptrs.push_back(s.c_str());
    buf = ptrs.data();
  }
  Id attr = checked(H5Acreate2(loc, name.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                    "attribute '" + name + "' cannot be created");
  check(H5Awrite(attr.get(), mem_type, buf), "writing attribute '" + name + "'");
}

void write_double(hid_t loc, const std::string& name, double v, bool as_attr) {
  Id space(H5Screate(H5S_SCALAR), H5Sclose);
  if (as_attr) {
    Id attr = checked(H5Acreate2(loc, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                      "attribute '" + name + "' cannot be created");
    check(H5Awrite(attr.get(), H5T_NATIVE_DOUBLE, &v), "writing attribute '" + name + "'");
    return;
  }
  Id ds = checked(H5Dcreate2(loc, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                  H5Dclose, "dataset '" + name + "' cannot be created");
  check(H5Dwrite(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, &v), "writing '" + name + "'");
}

double read_double(hid_t loc, const std::string& name, bool as_attr) {
  double v = 0.0;
  if (as_attr) {
    Id attr = checked(H5Aopen(loc, name.c_str(), H5P_DEFAULT), H5Aclose, "attribute '" + name + "' cannot be opened");
    Id space(H5Aget_space(attr.get()), H5Sclose);
    if (H5Sget_simple_extent_npoints(space.get()) != 1) throw Error("attribute '" + name + "': expected a scalar");
    check(H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &v), "reading attribute '" + name + "'");
    return v;
  }
  Id ds = checked(H5Dopen2(loc, name.c_str(), H5P_DEFAULT), H5Dclose, "dataset '" + name + "' cannot be opened");
  Id space(H5Dget_space(ds.get()), H5Sclose);
  if (H5Sget_simple_extent_npoints(space.get()) != 1) throw Error("dataset '" + name + "': expected a scalar");
  check(H5Dread(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, &v), "reading '" + name + "'");
  return v;
}

}  // namespace evsim::h5
