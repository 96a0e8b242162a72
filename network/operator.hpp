#pragma once
// A graph node's computation for one time step. Synaptic inputs arrive through ports
// (projections run by the backend in dense or event mode); everything else is summed
// from the in-edges and handed over as `input`.
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "network/projection.hpp"

namespace evsim {

enum class Feed {
  InEdges,    // the node's in-edges, summed (NIR semantics)
  OwnOutput,  // the node's own output of the previous step (EGRU recurrence)
};

struct Port {
  std::shared_ptr<const Projection> projection;
  Feed feed = Feed::InEdges;
};

// Work a node does whatever its inputs (a wavelet transform of a spike map is dense): counted as
// dense MACs and as effective MACs in both modes, its weights read every step.
struct DenseWork {
  uint64_t macs = 0;     // per sample and step
  uint64_t weights = 0;  // parameters read per step
};

class Operator {
 public:
  virtual ~Operator() = default;
  virtual std::string_view type() const = 0;
  virtual const std::vector<Port>& ports() const {
    static const std::vector<Port> none;
    return none;
  }
  virtual void reset(int64_t /*batch*/) {}
  // input: sum of in-edge values (empty when an InEdges port consumes them);
  // port_out: the projection result of each port for this step.
  virtual void compute(const Matrix& input, std::span<const Matrix> port_out, Matrix& out) = 0;
  // Its output is its single port's result as is (a bias-free projection): the backend then
  // writes straight into the node's output and compute() is not called.
  virtual bool passes_port_through() const { return false; }
  // A neuron population: its output events and state are counted and recordable.
  virtual bool is_neuron() const { return false; }
  virtual DenseWork dense_work() const { return {}; }
  virtual const Matrix* state() const { return nullptr; }
};

}  // namespace evsim
