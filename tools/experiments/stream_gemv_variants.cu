// Standalone experiment behind the streaming-path choices in backends/cuda/distile.cu (load hint,
// loads per lane, rows per warp, prologue): streaming GEMV variants vs cuBLAS on one GPU, CUDA
// graphs of 20 launches, median of 30 replays. Build and run on the GPU machine:
//   nvcc -O3 -std=c++17 -arch=sm_90 tools/experiments/stream_gemv_variants.cu -lcublas -o /tmp/sv && /tmp/sv
// H100 output: docs/results/h100_v8_stream_micro.txt
#include <cublas_v2.h>
#include <cstdio>
#include <cstdint>
#include <vector>
#include <algorithm>
#include <functional>
#define CK(x) do { auto e_ = (x); if (e_ != 0) { printf("err %d line %d\n", int(e_), __LINE__); exit(1);} } while (0)

__device__ __forceinline__ float4 ld_na(const float4* p) {
  float4 v;
  asm volatile("ld.global.nc.L1::no_allocate.L2::256B.v4.f32 {%0,%1,%2,%3}, [%4];"
               : "=f"(v.x), "=f"(v.y), "=f"(v.z), "=f"(v.w) : "l"(p));
  return v;
}
__device__ __forceinline__ float4 ld_g(const float4* p) { return __ldg(p); }

// P: 0 no prologue, 1 block popc+sync, 2 warp popc. L: 0 ldg, 1 no_allocate+256B. XS: x from smem.
template <int SU, int P, int L, int XS>
__global__ void __launch_bounds__(128) stream_k(const float* __restrict__ w, const float* __restrict__ x,
    const uint32_t* mask, float* y, int rows, int cols, int pdl) {
  extern __shared__ float4 xs[];
  __shared__ int tot;
  if (pdl) asm volatile("griddepcontrol.wait;" ::: "memory");
  const int lane = threadIdx.x & 31, c4 = cols / 4;
  int n = cols;
  if (P == 1) {
    if (threadIdx.x == 0) tot = 0;
    __syncthreads();
    int m = 0;
    for (int i = threadIdx.x; i < (cols + 31) / 32; i += 128) m += __popc(mask[i]);
    atomicAdd(&tot, m);
    __syncthreads();
    n = tot;
  } else if (P == 2) {
    int m = 0;
    for (int i = lane; i < (cols + 31) / 32; i += 32) m += __popc(__ldg(mask + i));
    for (int o = 16; o; o >>= 1) m += __shfl_xor_sync(~0u, m, o);
    n = m;
  }
  if (n < 0) return;
  if (XS) {
    for (int i = threadIdx.x; i < c4; i += 128) xs[i] = __ldg(reinterpret_cast<const float4*>(x) + i);
    __syncthreads();
  }
  const long long warps = (long long)gridDim.x * 4, first = blockIdx.x * 4 + (threadIdx.x >> 5);
  const float4 z4 = make_float4(0, 0, 0, 0);
  for (long long r = first; r < rows; r += warps) {
    const float4* row = reinterpret_cast<const float4*>(w) + r * c4;
    float sum = 0;
    for (int k0 = lane; k0 < c4; k0 += 32 * SU) {
      float4 wv[SU];
      if (k0 + 32 * (SU - 1) < c4) {
#pragma unroll
        for (int u = 0; u < SU; ++u) wv[u] = L ? ld_na(row + k0 + 32 * u) : ld_g(row + k0 + 32 * u);
      } else {
#pragma unroll
        for (int u = 0; u < SU; ++u) wv[u] = k0 + 32 * u < c4 ? (L ? ld_na(row + k0 + 32 * u) : ld_g(row + k0 + 32 * u)) : z4;
      }
#pragma unroll
      for (int u = 0; u < SU; ++u) {
        const int k = k0 + 32 * u;
        const float4 xv = k >= c4 ? z4 : XS ? xs[k] : __ldg(reinterpret_cast<const float4*>(x) + k);
        sum += wv[u].x * xv.x + wv[u].y * xv.y + wv[u].z * xv.z + wv[u].w * xv.w;
      }
    }
    for (int o = 16; o; o >>= 1) sum += __shfl_xor_sync(~0u, sum, o);
    if (lane == 0) y[r] = sum;
  }
}

double time_graph(cudaStream_t s, const std::function<void()>& f) {
  f(); CK(cudaStreamSynchronize(s));
  cudaGraph_t g; cudaGraphExec_t e;
  CK(cudaStreamBeginCapture(s, cudaStreamCaptureModeThreadLocal));
  for (int i = 0; i < 20; ++i) f();
  CK(cudaStreamEndCapture(s, &g));
  CK(cudaGraphInstantiate(&e, g, 0));
  cudaEvent_t a, b; cudaEventCreate(&a); cudaEventCreate(&b);
  std::vector<float> t;
  for (int r = 0; r < 33; ++r) {
    cudaEventRecord(a, s); cudaGraphLaunch(e, s); cudaEventRecord(b, s); cudaEventSynchronize(b);
    float ms; cudaEventElapsedTime(&ms, a, b); if (r >= 3) t.push_back(ms * 1000 / 20);
  }
  std::sort(t.begin(), t.end());
  cudaGraphExecDestroy(e); cudaGraphDestroy(g);
  return t[t.size() / 2];
}

template <int SU, int P, int L, int XS>
void run(cudaStream_t s, const char* name, const float* w, const float* x, const uint32_t* m, float* y, int rows, int cols, int rpw, int pdl) {
  const int blocks = (rows + 4 * rpw - 1) / (4 * rpw);
  auto k = stream_k<SU, P, L, XS>;
  const size_t smem = XS ? cols * 4 : 0;
  const double t = time_graph(s, [&] {
    cudaLaunchAttribute at{}; at.id = cudaLaunchAttributeProgrammaticStreamSerialization; at.val.programmaticStreamSerializationAllowed = 1;
    cudaLaunchConfig_t c{}; c.gridDim = blocks; c.blockDim = 128; c.dynamicSmemBytes = smem; c.stream = s; c.attrs = &at; c.numAttrs = pdl;
    CK(cudaLaunchKernelEx(&c, k, w, x, m, y, rows, cols, pdl));
  });
  printf("%-34s rows/warp %d pdl %d blocks %5d : %6.2f us\n", name, rpw, pdl, blocks, t);
}

int main() {
  for (int hidden : {2048, 1024, 4096}) {
  const int rows = 3 * hidden, cols = hidden;
  std::vector<float> hw(size_t(rows) * cols), hx(cols);
  for (size_t i = 0; i < hw.size(); ++i) hw[i] = float((i * 2654435761u) % 1000) * 1e-3f - 0.5f;
  for (int i = 0; i < cols; ++i) hx[i] = 0.5f;
  std::vector<uint32_t> hm((cols + 31) / 32, ~0u);
  float *w, *x, *y; uint32_t* m;
  CK(cudaMalloc(&w, hw.size() * 4)); CK(cudaMalloc(&x, cols * 4)); CK(cudaMalloc(&y, rows * 4)); CK(cudaMalloc(&m, hm.size() * 4));
  CK(cudaMemcpy(w, hw.data(), hw.size() * 4, cudaMemcpyHostToDevice));
  CK(cudaMemcpy(x, hx.data(), cols * 4, cudaMemcpyHostToDevice));
  CK(cudaMemcpy(m, hm.data(), hm.size() * 4, cudaMemcpyHostToDevice));
  cudaStream_t s; cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking);
  cublasHandle_t h; cublasCreate(&h); cublasSetStream(h, s); cublasSetMathMode(h, CUBLAS_PEDANTIC_MATH);
  const float one = 1, zero = 0;
  printf("== hidden %d: %d x %d, %.1f MB\n", hidden, rows, cols, rows * cols * 4e-6);
  printf("cuBLAS T (row-major)                        : %6.2f us\n", time_graph(s, [&] { cublasSgemv(h, CUBLAS_OP_T, cols, rows, &one, w, cols, x, 1, &zero, y, 1); }));
  printf("cuBLAS N (col-major)                        : %6.2f us\n", time_graph(s, [&] { cublasSgemv(h, CUBLAS_OP_N, rows, cols, &one, w, rows, x, 1, &zero, y, 1); }));
  for (int pdl : {0, 1}) {
    for (int rpw : {1, 2, 4, 8}) {
      run<16, 0, 0, 0>(s, "SU16 none ldg", w, x, m, y, rows, cols, rpw, pdl);
      run<16, 0, 1, 0>(s, "SU16 none no_alloc", w, x, m, y, rows, cols, rpw, pdl);
      run<8, 0, 1, 0>(s, "SU8 none no_alloc", w, x, m, y, rows, cols, rpw, pdl);
      run<16, 0, 1, 1>(s, "SU16 none no_alloc xsmem", w, x, m, y, rows, cols, rpw, pdl);
    }
    for (int rpw : {2, 4}) {
      run<16, 1, 0, 0>(s, "SU16 blockpopc ldg", w, x, m, y, rows, cols, rpw, pdl);
      run<16, 2, 0, 0>(s, "SU16 warppopc ldg", w, x, m, y, rows, cols, rpw, pdl);
      run<16, 2, 1, 0>(s, "SU16 warppopc no_alloc", w, x, m, y, rows, cols, rpw, pdl);
      run<16, 2, 1, 1>(s, "SU16 warppopc no_alloc xsmem", w, x, m, y, rows, cols, rpw, pdl);
      run<8, 2, 1, 0>(s, "SU8 warppopc no_alloc", w, x, m, y, rows, cols, rpw, pdl);
    }
  }
  cudaFree(w); cudaFree(x); cudaFree(y); cudaFree(m); cublasDestroy(h);
  }
  return 0;
}
