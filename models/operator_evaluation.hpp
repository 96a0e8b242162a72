#pragma once
// Error of a neural-operator graph (Input (1, R, R) coefficient field -> ... -> Output (1, R, R)
// solution, e.g. the Darcy WNO / VS-WNO) on a Darcy file, on any runner: every sample is one
// inference (one step from the zero state), run in batches; the error is the mean over samples
// of the relative L2 error ||u_pred - u|| / ||u||, the counts those of all inferences.
#include <cstdint>
#include <functional>
#include <vector>

#include "backends/runner.hpp"
#include "data/darcy_data.hpp"

namespace evsim {

struct OperatorEvalResult {
  double rel_l2 = 0.0;  // mean over samples
  std::vector<double> per_sample;
  double wall_s = 0.0;  // all inferences end to end (runner calls)
  RunResult run;        // counts and per-layer times summed over the batches
};

// progress(done, total) after every batch.
using OperatorProgress = std::function<void(int64_t, int64_t)>;

// Throws InputError naming `source` (the data's file) when the graph's input or output size is
// not R x R.
void check_operator_data(const Graph& graph, const DarcySet& data, const std::string& source);
// check_operator_data first.
OperatorEvalResult evaluate_operator(const Graph& graph, Runner& runner, const DarcySet& data, int64_t batch,
                                     const OperatorProgress& progress = {}, const std::string& source = "the data");

}  // namespace evsim
