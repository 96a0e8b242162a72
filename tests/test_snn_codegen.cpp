// The CUDA source generated per small spiking graph (backends/cuda/snn_codegen.hpp): which graphs
// it takes, and (in CUDA builds, no GPU needed) that NVRTC compiles what it writes for every
// neuron kind, both sum orders and both weight placements. Parity with the CPU runs in tests/gpu.
#include <gtest/gtest.h>

#include "backends/cuda/snn_codegen.hpp"
#include "core/error.hpp"
#include "neurons/point_kind.hpp"
#if EVSIM_HAVE_CUDA
#include "backends/cuda/nvrtc_compile.hpp"
#endif

namespace evsim::cuda {
namespace {

GenStage stage(GenOp op, int in, int out, std::vector<int> sources) {
  GenStage s;
  s.op = op;
  s.in = in;
  s.out = out;
  s.sources = std::move(sources);
  s.has[kGenY] = true;
  if (op == GenOp::Projection) s.has[kGenW] = s.has[kGenFanout] = true;
  if (op == GenOp::Scale) s.has[kGenScale] = true;
  return s;
}

GenStage neuron(PointKind kind, int n, int source, bool two) {
  GenStage s = stage(GenOp::Neuron, two ? 2 * n : n, n, {source});
  s.kind = static_cast<int>(kind);
  s.fires = kind != PointKind::Threshold && kind != PointKind::Vsn;
  for (GenField f : {kGenAMem, kGenASyn, kGenVLeak, kGenR, kGenWIn, kGenGain, kGenVThreshold, kGenVReset, kGenBeta,
                     kGenThreshold, kGenASynInh, kGenWInInh, kGenRInh, kGenEExc, kGenEInh, kGenV, kGenI, kGenIInh})
    s.has[f] = true;
  if (kind == PointKind::Cuba || kind == PointKind::CubaExact) s.has[kGenRefSteps] = s.has[kGenLeft] = true;
  if (kind == PointKind::Vsn) {
    s.activation = 2;  // GELU
    s.spike_steps = 3;
  }
  return s;
}

// input(7) -> a projection and a neuron of every kind in turn (two-current kinds fed 2n rows,
// n = 37: units across two register slots, the inhibitory rows in other lanes), one recurrent
// 37 x 37 projection summed into a neuron's input, a scale and an identity at the end.
GenGraph every_kind() {
  GenGraph g;
  g.inputs = 7;
  int last = -1, width = 7;
  const PointKind kinds[] = {PointKind::Leaky,      PointKind::Cuba,       PointKind::Integrator, PointKind::Threshold,
                             PointKind::Vsn,        PointKind::LeakyExact, PointKind::CubaExact,  PointKind::Cuba2,
                             PointKind::Cuba2Exact, PointKind::Coba};
  for (PointKind kind : kinds) {
    const bool two = kind == PointKind::Cuba2 || kind == PointKind::Cuba2Exact || kind == PointKind::Coba;
    const int n = 37;
    g.stages.push_back(stage(GenOp::Projection, width, two ? 2 * n : n, {last}));
    g.stages.back().has[kGenBias] = true;
    g.stages.push_back(neuron(kind, n, static_cast<int>(g.stages.size()) - 1, two));
    last = static_cast<int>(g.stages.size()) - 1;
    width = n;
  }
  // A recurrent edge into the first neuron (stage 1), from a projection placed after it.
  g.stages.push_back(stage(GenOp::Projection, 37, 37, {1}));
  g.stages[1].sources.push_back(static_cast<int>(g.stages.size()) - 1);
  g.stages.push_back(stage(GenOp::Scale, 37, 37, {last}));
  g.stages.push_back(stage(GenOp::Identity, 37, 37, {static_cast<int>(g.stages.size()) - 1}));
  g.output = static_cast<int>(g.stages.size()) - 1;
  return g;
}

TEST(SnnCodegen, TakesSmallGraphsAndPlacesWeightsByBudget) {
  const GenGraph g = every_kind();
  ASSERT_TRUE(generable(g));
  const std::vector<bool> regs = register_weights(g);
  // 7 inputs x 2 slots, then 37 x 2 = 88 of 160 floats; the third (74 more) and the rest do not
  // fit and are read through the cache.
  EXPECT_TRUE(regs[0]);
  EXPECT_TRUE(regs[2]);
  EXPECT_FALSE(regs[4]);
  EXPECT_FALSE(regs[1]) << "a neuron holds no weights";
  const std::string src = generate_snn_source(g);
  EXPECT_NE(src.find(kGenKernel), std::string::npos);
  EXPECT_NE(src.find(kGenKernelCounted), std::string::npos);
}

TEST(SnnCodegen, RefusesGraphsItCannotHold) {
  GenGraph g = every_kind();
  g.stages[3].sources = {3};  // fed by itself
  EXPECT_FALSE(generable(g));
  EXPECT_THROW(generate_snn_source(g), Error);
  g = every_kind();
  g.stages[0].out = 300;  // more units than eight register slots per lane
  EXPECT_FALSE(generable(g));
  g = every_kind();
  g.stages[2].in = 36;  // a source of another width
  EXPECT_FALSE(generable(g));
  g = every_kind();
  g.stages[1].in *= 2;  // a one-current neuron (LIF) fed twice its width (by stage 0 alone)
  g.stages[0].out *= 2;
  g.stages[1].sources = {0};
  EXPECT_FALSE(generable(g));
  g = every_kind();
  g.output = static_cast<int>(g.stages.size());
  EXPECT_FALSE(generable(g));
}

#if EVSIM_HAVE_CUDA
TEST(SnnCodegen, NvrtcCompilesTheGeneratedKernels) {
  for (bool skip_zero : {false, true}) {
    SCOPED_TRACE(skip_zero ? "zero inputs skipped" : "every input summed");
    GenGraph g = every_kind();
    g.skip_zero = skip_zero;
    std::vector<char> cubin;
    ASSERT_NO_THROW(cubin = compile_cuda(generate_snn_source(g), "every_kind.cu", 90));
    EXPECT_GT(cubin.size(), 1000u);
  }
}

// The disk cache's key holds what the binary depends on: the source, the target, the headers.
TEST(SnnCodegen, CompileKeysNameWhatTheBinaryDependsOn) {
  const std::string source = generate_snn_source(every_kind());
  const std::string key = compile_key(source, 90);
  EXPECT_NE(key, compile_key(source, 80));
  EXPECT_NE(key, compile_key(source + " ", 90));
  EXPECT_NE(key.find("neuron_update.cuh"), std::string::npos);
  EXPECT_NE(key.find("nvrtc "), std::string::npos);
  EXPECT_EQ(key.compare(key.size() - source.size(), source.size(), source), 0);
}

TEST(SnnCodegen, CompileErrorsCarryNvrtcsLog) {
  try {
    compile_cuda("__global__ void k() { undeclared(); }", "broken.cu", 90);
    FAIL() << "compiled";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("did not compile"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("undeclared"), std::string::npos) << e.what();
  }
}
#endif

}  // namespace
}  // namespace evsim::cuda
