#pragma once
// CUDA source generated for one small spiking graph (plain host code: CI compiles the generated
// kernels with NVRTC without a GPU). The fused interpreter (snn_fused.cuh) walks a stage table
// every step: ~600 warp instructions a step for lif_norse's one neuron, most of them table
// reads, switches and index arithmetic. Here the graph's shapes, stage order, sources and neuron
// kinds are constants: one warp per sample, unit u of a stage in lane u % 32 (register slot
// u / 32), a projection's inputs broadcast by shuffles, its weights in registers where they fit,
// the neuron state in registers for the whole chunk, no barrier. The arithmetic is the
// interpreter's: one fused multiply-add per weight in input order, the bias after, in-edges
// summed in edge order, the neuron update of neuron_update.cuh (the same source, compiled again).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace evsim::cuda {

struct SnnParams;

enum class GenOp { Identity, Projection, Scale, Neuron };

// A stage's arrays in the kernel's pointer table, at stage * kGenFields + field.
enum GenField : int {
  kGenW,  // out x in, column-major
  kGenBias,
  kGenScale,
  kGenFanout,  // uint32: non-zero weights per input column
  kGenAMem,
  kGenASyn,
  kGenVLeak,
  kGenR,
  kGenWIn,
  kGenGain,
  kGenVThreshold,
  kGenVReset,
  kGenBeta,
  kGenThreshold,
  kGenASynInh,
  kGenWInInh,
  kGenRInh,
  kGenEExc,
  kGenEInh,
  kGenRefSteps,
  kGenY,  // state (n x batch): the output kept for recurrent edges, neuron state
  kGenV,
  kGenI,
  kGenIInh,
  kGenLeft,
  kGenFields
};

struct GenStage {
  GenOp op = GenOp::Identity;
  int in = 0, out = 0;
  std::vector<int> sources;                       // in edge order; -1: the graph input
  std::array<bool, kGenFields> has{};             // which arrays the stage has
  int kind = 0, activation = 0, spike_steps = 1;  // Neuron: PointKind, ActivationFn
  bool fires = false;
};

struct GenGraph {
  std::vector<GenStage> stages;
  int inputs = 0, output = 0;
  bool skip_zero = false;  // cuda-distile: a zero input's weights are not read (from memory)
  int input_tile = 0;      // steps per input tile (1: the next step's input in registers); 0: chosen
};

// The kernels' one parameter (the generated source declares the same layout).
struct GenArgs {
  const float* input = nullptr;  // steps x batch x inputs
  float* out_seq = nullptr;      // steps x batch x outputs
  void* slots = nullptr;         // CountSlot[stages x steps], counted kernel only
  void* const* table = nullptr;  // device array of stages x kGenFields pointers
  int batch = 0, steps = 0;
};

inline constexpr const char* kGenKernel = "evsim_snn_chunk";
inline constexpr const char* kGenKernelCounted = "evsim_snn_chunk_counted";

// The graph of a lowered model (lowering.hpp) as the generated kernel sees it: which arrays each
// stage has (as the engine allocates them). Nothing when a stage is not a dense projection, a
// scale, an identity or a point neuron, or the graph is too large (generable()).
std::optional<GenGraph> gen_graph(const SnnParams& p, bool skip_zero);

// Whether a graph is small enough for the generated kernel (units per stage, inputs per
// projection, unrolled multiply-adds per step); else the interpreter runs it.
bool generable(const GenGraph& g);

// Projections whose weights the kernel holds in registers (true), in stage order; the others
// read them through the L1 every step.
std::vector<bool> register_weights(const GenGraph& g);

// The source of both kernels (counted and not) for g; throws Error when !generable(g).
std::string generate_snn_source(const GenGraph& g);

}  // namespace evsim::cuda
