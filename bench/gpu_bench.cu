#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>
#include <random>
#include <vector>

#include "backends/cuda/cost_model.hpp"
#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/device_buffer.hpp"
#include "backends/cuda/device_weights.hpp"
#include "backends/cuda/distile.cuh"
#include "backends/cuda/graph_timer.hpp"
#include "backends/cuda/input_rotation.hpp"
#include "backends/cuda/pruned_segments.hpp"
#include "bench/gpu_bench.hpp"

namespace evsim::cuda {
namespace {

constexpr int kStepsPerGraph = kMinInputSets;  // a graph replays at least this many steps

// Seconds per step over `repeats` replays of a graph of max(kStepsPerGraph, sets) steps;
// step k uses input set k % sets.
Spread time_graph(const std::function<void(cudaStream_t, int)>& step, int sets, int repeats) {
  const int steps = std::max(kStepsPerGraph, sets);
  cudaStream_t s;
  EVSIM_CUDA_CHECK(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking));
  for (int k = 0; k < sets; ++k) step(s, k);  // warm-up (module load, handles, caches); ends on the last set
  EVSIM_CUDA_CHECK(cudaStreamSynchronize(s));
  cudaGraph_t graph;
  cudaGraphExec_t exec;
  EVSIM_CUDA_CHECK(cudaStreamBeginCapture(s, cudaStreamCaptureModeThreadLocal));
  for (int k = 0; k < steps; ++k) step(s, k % sets);
  EVSIM_CUDA_CHECK(cudaStreamEndCapture(s, &graph));
  EVSIM_CUDA_CHECK(cudaGraphInstantiate(&exec, graph, 0));
  std::vector<double> t;
  for (int r = -2; r < repeats; ++r) {
    const double seconds = time_graph_replay(exec, s) / steps;
    if (r >= 0) t.push_back(seconds);
  }
  cudaGraphExecDestroy(exec);
  cudaGraphDestroy(graph);
  cudaStreamDestroy(s);
  return spread_of(t);
}

__global__ void empty_kernel() {}

struct Csr {
  std::vector<int> ptr, idx;
  std::vector<float> val;
};

Csr to_csr(const std::vector<float>& w_rm, int rows, int cols) {
  Csr c;
  c.ptr.push_back(0);
  for (int r = 0; r < rows; ++r) {
    for (int j = 0; j < cols; ++j) {
      const float v = w_rm[static_cast<size_t>(r) * cols + j];
      if (v != 0.0f) {
        c.idx.push_back(j);
        c.val.push_back(v);
      }
    }
    c.ptr.push_back(static_cast<int>(c.val.size()));
  }
  return c;
}

double l2_bytes() {
  int device = 0, bytes = 0;
  EVSIM_CUDA_CHECK(cudaGetDevice(&device));
  EVSIM_CUDA_CHECK(cudaDeviceGetAttribute(&bytes, cudaDevAttrL2CacheSize, device));
  return bytes;
}

// Input sets for a step that reads, in full, the expected union of `batch` samples' `active`
// random columns.
int auto_input_sets(int rows, int cols, int active, int batch) {
  const double miss = std::pow(1.0 - double(active) / cols, batch);
  const double column = 4.0 * rows;
  return rotated_input_sets(cols * (1.0 - miss) * column, cols * column, l2_bytes());
}

}  // namespace

__global__ void copy_kernel(const float4* __restrict__ src, float4* __restrict__ dst, size_t n) {
  for (size_t i = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x; i < n;
       i += static_cast<size_t>(gridDim.x) * blockDim.x)
    dst[i] = src[i];
}

// Sums the buffer (one float per block written): what a read-only stream of weights can move.
__global__ void read_kernel(const float4* __restrict__ src, size_t n, float* __restrict__ out) {
  float acc = 0.0f;
  for (size_t i = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x; i < n;
       i += static_cast<size_t>(gridDim.x) * blockDim.x) {
    const float4 v = __ldg(src + i);
    acc += v.x + v.y + v.z + v.w;
  }
  for (int off = 16; off > 0; off /= 2) acc += __shfl_down_sync(0xffffffffu, acc, off);
  if ((threadIdx.x & 31) == 0 && acc == 1234.5f) out[blockIdx.x] = acc;  // keeps the loads
}

double Bandwidth::best() const { return std::max({memcpy, copy_kernel, read_kernel}); }

std::string Bandwidth::describe() const {
  const char* what = best() == read_kernel ? "read-only kernel" : best() == copy_kernel ? "copy kernel" : "memcpy";
  char buf[256];
  std::snprintf(buf, sizeof buf, "%.2f TB/s (%s over 2 GiB; memcpy %.2f, copy kernel %.2f, read-only kernel %.2f TB/s)",
                best() / 1e12, what, memcpy / 1e12, copy_kernel / 1e12, read_kernel / 1e12);
  return buf;
}

const Bandwidth& device_bandwidth() {
  static Bandwidth bw;
  if (bw.best() > 0) return bw;
  const size_t bytes = size_t(2) << 30, n = bytes / sizeof(float4);
  DeviceBuffer<char> src(bytes), dst(bytes);
  DeviceBuffer<float> sink(4096);
  EVSIM_CUDA_CHECK(cudaMemset(src.get(), 1, bytes));
  int sms = 0;
  EVSIM_CUDA_CHECK(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, 0));
  const unsigned grid = static_cast<unsigned>(std::min(4096, 8 * sms));
  auto rate = [&](double moved, auto&& launch) {
    return moved / time_graph([&](cudaStream_t s, int) { launch(s); }, 1, 5).median;
  };
  bw.memcpy = rate(2.0 * bytes, [&](cudaStream_t s) {
    EVSIM_CUDA_CHECK(cudaMemcpyAsync(dst.get(), src.get(), bytes, cudaMemcpyDeviceToDevice, s));
  });
  bw.copy_kernel = rate(2.0 * bytes, [&](cudaStream_t s) {
    copy_kernel<<<grid, 512, 0, s>>>(reinterpret_cast<const float4*>(src.get()), reinterpret_cast<float4*>(dst.get()),
                                     n);
    EVSIM_KERNEL_CHECK();
  });
  bw.read_kernel = rate(1.0 * bytes, [&](cudaStream_t s) {
    read_kernel<<<grid, 512, 0, s>>>(reinterpret_cast<const float4*>(src.get()), n, sink.get());
    EVSIM_KERNEL_CHECK();
  });
  return bw;
}

struct ProjectionBench::Impl {
  int k = 0, m = 0;
  std::mt19937_64 rng;
  std::vector<float> w_rm;
  DeviceBuffer<float> d_wrm, d_wcm;
  GpuProfile profile;
  Csr csr;
  DeviceBuffer<int> d_ptr, d_idx;  // CSR (cuSPARSE)
  DeviceBuffer<float> d_val;
  int width = 0;  // DISTile pruned segments
  DeviceBuffer<float> d_seg_val;
  DeviceBuffer<uint16_t> d_seg_row;
  int keep = 0;                           // non-zero weights per column
  std::unique_ptr<DeviceWeights> engine;  // the weights as the engine holds them, with its path choice
};

ProjectionBench::ProjectionBench(int64_t hidden, double density, uint64_t seed, const GpuProfile& profile)
    : impl_(new Impl) {
  Impl& p = *impl_;
  p.profile = profile;
  p.k = static_cast<int>(hidden);
  p.m = 3 * p.k;
  const int k = p.k, m = p.m;
  p.rng.seed(seed);
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  // Row-major weights pruned per column to the density (as models/pruning.cpp does).
  p.w_rm.resize(static_cast<size_t>(m) * k);
  for (float& v : p.w_rm) v = u(p.rng);
  const int keep = static_cast<int>(std::lround(density * m));
  std::vector<int> rows(m);
  for (int j = 0; j < k; ++j) {
    std::iota(rows.begin(), rows.end(), 0);
    std::shuffle(rows.begin(), rows.end(), p.rng);
    for (int r = keep; r < m; ++r) p.w_rm[static_cast<size_t>(rows[r]) * k + j] = 0.0f;
  }
  std::vector<float> w_cm(p.w_rm.size());
  for (int r = 0; r < m; ++r)
    for (int j = 0; j < k; ++j) w_cm[static_cast<size_t>(j) * m + r] = p.w_rm[static_cast<size_t>(r) * k + j];
  p.d_wrm = DeviceBuffer<float>(p.w_rm);
  p.d_wcm = DeviceBuffer<float>(w_cm);
  p.csr = to_csr(p.w_rm, m, k);
  p.d_ptr = DeviceBuffer<int>(p.csr.ptr);
  p.d_idx = DeviceBuffer<int>(p.csr.idx);
  p.d_val = DeviceBuffer<float>(p.csr.val);
  const PrunedSegments seg = PrunedSegments::from_column_major(w_cm.data(), m, k);
  p.width = seg.width;
  p.d_seg_val = DeviceBuffer<float>(seg.val);
  p.d_seg_row = DeviceBuffer<uint16_t>(seg.row);
  p.keep = keep;
  p.engine = std::make_unique<DeviceWeights>(Eigen::Map<const Matrix>(w_cm.data(), m, k), profile);
}

ProjectionBench::~ProjectionBench() { delete impl_; }

GpuBenchResult ProjectionBench::run(int64_t batch_size, double activity, int repeats, int input_sets) {
  Impl& p = *impl_;
  const int k = p.k, m = p.m, batch = static_cast<int>(batch_size);
  auto& rng = p.rng;
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  // Inputs: exactly round(activity * H) active units per sample, graded values, in enough
  // independent sets that replaying them does not time the L2 (input_rotation.hpp).
  const int active = static_cast<int>(std::lround(activity * k));
  const int sets = input_sets > 0 ? input_sets : auto_input_sets(m, k, active, batch);
  std::vector<float> xs(static_cast<size_t>(sets) * k * batch, 0.0f);
  std::vector<int> units(k);
  std::iota(units.begin(), units.end(), 0);
  for (int set = 0; set < sets; ++set)
    for (int b = 0; b < batch; ++b) {
      std::shuffle(units.begin(), units.end(), rng);
      for (int a = 0; a < active; ++a)
        xs[(static_cast<size_t>(set) * batch + b) * k + units[a]] = 0.25f + 0.5f * std::abs(u(rng));
    }
  DeviceBuffer<float>& d_wrm = p.d_wrm;
  DeviceBuffer<float>& d_wcm = p.d_wcm;
  DeviceBuffer<float> d_x(xs), d_y(static_cast<size_t>(m) * batch), d_y2(static_cast<size_t>(m) * batch);
  auto x_of = [&](int set) { return d_x.get() + static_cast<size_t>(set) * k * batch; };

  GpuBenchResult res;
  res.active_units = active;
  res.input_sets = sets;
  cublasHandle_t blas;
  EVSIM_CUBLAS_CHECK(cublasCreate(&blas));
  EVSIM_CUBLAS_CHECK(cublasSetMathMode(blas, CUBLAS_PEDANTIC_MATH));  // plain float32: no TF32
  const float one = 1.0f, zero = 0.0f;
  // cuBLAS: the faster of the two layouts (row-major 'T' and column-major 'N').
  res.cublas_s.median = 1e9;
  for (bool rowmajor : {true, false}) {
    const Spread t = time_graph(
        [&](cudaStream_t s, int set) {
          EVSIM_CUBLAS_CHECK(cublasSetStream(blas, s));
          if (batch == 1) {
            if (rowmajor)
              EVSIM_CUBLAS_CHECK(
                  cublasSgemv(blas, CUBLAS_OP_T, k, m, &one, d_wrm.get(), k, x_of(set), 1, &zero, d_y.get(), 1));
            else
              EVSIM_CUBLAS_CHECK(
                  cublasSgemv(blas, CUBLAS_OP_N, m, k, &one, d_wcm.get(), m, x_of(set), 1, &zero, d_y.get(), 1));
          } else if (rowmajor) {
            EVSIM_CUBLAS_CHECK(cublasSgemm(blas, CUBLAS_OP_T, CUBLAS_OP_N, m, batch, k, &one, d_wrm.get(), k, x_of(set),
                                           k, &zero, d_y.get(), m));
          } else {
            EVSIM_CUBLAS_CHECK(cublasSgemm(blas, CUBLAS_OP_N, CUBLAS_OP_N, m, batch, k, &one, d_wcm.get(), m, x_of(set),
                                           k, &zero, d_y.get(), m));
          }
        },
        sets, repeats);
    if (t.median < res.cublas_s.median) res.cublas_s = t;
  }

  // cuSPARSE: CSR of the pruned weights times the (dense) input.
  const Csr& csr = p.csr;
  DeviceBuffer<int>& d_ptr = p.d_ptr;
  DeviceBuffer<int>& d_idx = p.d_idx;
  DeviceBuffer<float>& d_val = p.d_val;
  cusparseHandle_t sp;
  EVSIM_CUSPARSE_CHECK(cusparseCreate(&sp));
  cusparseSpMatDescr_t a;
  EVSIM_CUSPARSE_CHECK(cusparseCreateCsr(&a, m, k, static_cast<int64_t>(csr.val.size()), d_ptr.get(), d_idx.get(),
                                         d_val.get(), CUSPARSE_INDEX_32I, CUSPARSE_INDEX_32I, CUSPARSE_INDEX_BASE_ZERO,
                                         CUDA_R_32F));
  std::vector<cusparseDnMatDescr_t> xin(sets);
  std::vector<cusparseDnVecDescr_t> vin(sets);
  cusparseDnMatDescr_t yout;
  cusparseDnVecDescr_t vout;
  for (int set = 0; set < sets; ++set) {
    EVSIM_CUSPARSE_CHECK(cusparseCreateDnMat(&xin[set], k, batch, k, x_of(set), CUDA_R_32F, CUSPARSE_ORDER_COL));
    EVSIM_CUSPARSE_CHECK(cusparseCreateDnVec(&vin[set], k, x_of(set), CUDA_R_32F));
  }
  EVSIM_CUSPARSE_CHECK(cusparseCreateDnMat(&yout, m, batch, m, d_y2.get(), CUDA_R_32F, CUSPARSE_ORDER_COL));
  EVSIM_CUSPARSE_CHECK(cusparseCreateDnVec(&vout, m, d_y2.get(), CUDA_R_32F));
  size_t ws = 0;
  if (batch == 1)
    EVSIM_CUSPARSE_CHECK(cusparseSpMV_bufferSize(sp, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, a, vin[0], &zero, vout,
                                                 CUDA_R_32F, CUSPARSE_SPMV_CSR_ALG1, &ws));
  else
    EVSIM_CUSPARSE_CHECK(cusparseSpMM_bufferSize(sp, CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_NON_TRANSPOSE,
                                                 &one, a, xin[0], &zero, yout, CUDA_R_32F, CUSPARSE_SPMM_CSR_ALG2,
                                                 &ws));
  DeviceBuffer<char> d_ws(std::max<size_t>(ws, 16));
  res.cusparse_s = time_graph(
      [&](cudaStream_t s, int set) {
        EVSIM_CUSPARSE_CHECK(cusparseSetStream(sp, s));
        if (batch == 1)
          EVSIM_CUSPARSE_CHECK(cusparseSpMV(sp, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, a, vin[set], &zero, vout,
                                            CUDA_R_32F, CUSPARSE_SPMV_CSR_ALG1, d_ws.get()));
        else
          EVSIM_CUSPARSE_CHECK(cusparseSpMM(sp, CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_NON_TRANSPOSE,
                                            &one, a, xin[set], &zero, yout, CUDA_R_32F, CUSPARSE_SPMM_CSR_ALG2,
                                            d_ws.get()));
      },
      sets, repeats);

  // DISTile. Each step adds into its own accumulator and zeroes the next step's (what the
  // engine's consumer does), one launch per step. Variants side by side: the bitmask derived
  // from x in the kernel (no producer) for both column formats; the bitmask given by a
  // producer, without and with PDL; the bitmask and the compacted list given (what the
  // engine's cell kernel writes with the events), both formats; streaming every row (the
  // in-kernel fallback); and the engine's choice under the profile.
  std::vector<DeviceBuffer<float>> acc;
  for (int set = 0; set < sets; ++set) acc.emplace_back(static_cast<size_t>(m) * batch);
  for (auto& a_buf : acc) EVSIM_CUDA_CHECK(cudaMemset(a_buf.get(), 0, a_buf.size() * sizeof(float)));
  const int nwords = (k + 31) / 32;
  std::vector<uint32_t> masks(static_cast<size_t>(sets) * nwords, 0);
  for (int set = 0; set < sets; ++set)
    for (int b = 0; b < batch; ++b)
      for (int j = 0; j < k; ++j)
        if (xs[(static_cast<size_t>(set) * batch + b) * k + j] != 0.0f)
          masks[static_cast<size_t>(set) * nwords + j / 32] |= 1u << (j % 32);
  DeviceBuffer<uint32_t> d_masks(masks);
  std::vector<uint32_t> counts(sets, 0);  // what the producer counts behind its bitmask
  for (int set = 0; set < sets; ++set)
    for (int wd = 0; wd < nwords; ++wd)
      counts[set] += __builtin_popcount(masks[static_cast<size_t>(set) * nwords + wd]);
  DeviceBuffer<uint32_t> d_counts(counts);
  // The producer's list: the active units compacted in any order (the cell kernel's warps
  // append in whatever order their atomics land), `cols` entries per set.
  std::vector<int> lists(static_cast<size_t>(sets) * k, 0);
  for (int set = 0; set < sets; ++set) {
    int* list = lists.data() + static_cast<size_t>(set) * k;
    int n = 0;
    for (int j = 0; j < k; ++j)
      if (masks[static_cast<size_t>(set) * nwords + j / 32] >> (j % 32) & 1u) list[n++] = j;
    std::shuffle(list, list + n, rng);
  }
  DeviceBuffer<int> d_lists(lists);
  const DeviceWeights& engine_w = *p.engine;
  res.pruned_chosen = engine_w.pruned;
  res.pruned_width = p.width;
  enum Front { kFromX, kMask, kList };  // what the producer gives: nothing, the bitmask, bitmask and list
  struct Variant {
    ColumnFormat format;
    Front front;
    bool pdl;
    int stream_above;
  };
  // The producer's inputs of step `set` into a problem.
  auto feed = [&](DistileProblem q, Front front, int set) {
    q.x = x_of(set);
    q.mask = front != kFromX ? d_masks.get() + static_cast<size_t>(set) * nwords : nullptr;
    q.count = front != kFromX ? d_counts.get() + set : nullptr;
    q.list = front == kList ? d_lists.get() + static_cast<size_t>(set) * k : nullptr;
    q.acc = acc[static_cast<size_t>(set)].get();
    q.zero = acc[static_cast<size_t>((set + 1) % sets)].get();
    return q;
  };
  auto problem = [&](const Variant& v, int set) {
    DistileProblem q;
    q.format = v.format;
    q.w = d_wcm.get();
    q.w_rows = d_wrm.get();
    q.seg_val = p.d_seg_val.get();
    q.seg_row = p.d_seg_row.get();
    q.seg_width = p.width;
    q.rows = m;
    q.cols = k;
    q.stream_above = v.stream_above;
    return feed(q, v.front, set);
  };
  // The step exactly as the engine issues it: its weights' problem, the producer's list.
  auto engine_problem = [&](int set) { return feed(engine_w.problem(), kList, set); };
  const DistilePlan plan = plan_for(p.profile);
  auto time_problem = [&](const std::function<DistileProblem(int)>& make, bool pdl) {
    DistilePlan vp = plan;
    vp.pdl = pdl;
    return time_graph(
        [&](cudaStream_t s, int set) {
          const DistileProblem q = make(set);
          distile_step(&q, 1, batch, vp, s);
        },
        sets, repeats);
  };
  auto time_variant = [&](const Variant& v) { return time_problem([&](int set) { return problem(v, set); }, v.pdl); };
  constexpr int kNever = 1 << 30;
  const auto dense = ColumnFormat::DenseColumns, pruned = ColumnFormat::PrunedColumns;
  res.distile_dense_s = time_variant({dense, kFromX, false, kNever});
  res.distile_pruned_s = time_variant({pruned, kFromX, false, kNever});
  res.distile_given_mask_s = time_variant({dense, kMask, false, kNever});
  res.distile_pdl_s = time_variant({dense, kMask, true, kNever});
  res.pruned_pdl_s = time_variant({pruned, kMask, true, kNever});
  res.list_dense_s = time_variant({dense, kList, p.profile.pdl, kNever});
  res.list_pruned_s = time_variant({pruned, kList, p.profile.pdl, kNever});
  res.stream_s = time_variant({dense, kList, p.profile.pdl, 0});
  res.distile_s = time_problem(engine_problem, p.profile.pdl);
  res.launch_floor_s = time_graph(
      [&](cudaStream_t s, int) {
        empty_kernel<<<1, 32, 0, s>>>();
        EVSIM_KERNEL_CHECK();
      },
      1, repeats);

  // Correctness of this very configuration: both formats vs cuBLAS on input set 0.
  EVSIM_CUBLAS_CHECK(cublasSetStream(blas, nullptr));
  EVSIM_CUBLAS_CHECK(
      cublasSgemm(blas, CUBLAS_OP_T, CUBLAS_OP_N, m, batch, k, &one, d_wrm.get(), k, x_of(0), k, &zero, d_y.get(), m));
  EVSIM_CUDA_CHECK(cudaDeviceSynchronize());
  const auto ref = d_y.download();
  const Variant checked[] = {{dense, kFromX, false, kNever}, {pruned, kFromX, false, kNever},
                             {dense, kMask, false, 0},       {dense, kList, false, kNever},
                             {pruned, kList, false, kNever}, {pruned, kMask, false, kNever},
                             {dense, kList, false, 0}};
  std::vector<DistileProblem> problems;
  for (const Variant& v : checked) problems.push_back(problem(v, 0));
  problems.push_back(engine_problem(0));
  for (DistileProblem q : problems) {
    EVSIM_CUDA_CHECK(cudaMemset(acc[0].get(), 0, acc[0].size() * sizeof(float)));
    q.zero = nullptr;
    distile_step(&q, 1, batch, plan, nullptr);
    EVSIM_CUDA_CHECK(cudaDeviceSynchronize());
    const auto got = acc[0].download();
    double diff = 0, mag = 0;
    for (size_t i = 0; i < ref.size(); ++i) {
      diff = std::max(diff, std::isnan(got[i]) ? INFINITY : double(std::abs(ref[i] - got[i])));
      mag = std::max(mag, double(std::abs(ref[i])));
    }
    res.max_rel_err = std::max(res.max_rel_err, mag > 0 ? diff / mag : diff);
  }

  // Union of active units over the batch, each column read once.
  std::vector<char> any(k, 0);
  const float* x0 = xs.data();
  for (int b = 0; b < batch; ++b)
    for (int j = 0; j < k; ++j) any[j] |= x0[static_cast<size_t>(b) * k + j] != 0.0f;
  const auto union_active = static_cast<unsigned>(std::count(any.begin(), any.end(), 1));
  // The engine's choices: GEMMs for a large batch, else stream or gather by the active count.
  res.cublas_selected = takes_gemms(p.profile, batch);
  res.streamed = !res.cublas_selected && engine_w.streams(union_active);
  if (res.cublas_selected) res.distile_s = res.cublas_s;
  res.dense_bytes = 4.0 * m * k;
  res.distile_bytes = engine_w.step_bytes(union_active, res.cublas_selected);
  res.dense_macs = static_cast<uint64_t>(m) * k * batch;
  res.effective_macs = static_cast<uint64_t>(active) * batch * p.keep;

  for (auto& d : xin) cusparseDestroyDnMat(d);
  for (auto& d : vin) cusparseDestroyDnVec(d);
  cusparseDestroyDnMat(yout);
  cusparseDestroyDnVec(vout);
  cusparseDestroySpMat(a);
  cusparseDestroy(sp);
  cublasDestroy(blas);
  return res;
}

}  // namespace evsim::cuda
