#pragma once
// A synaptic projection y = W x. Two ways to apply it, one per execution mode:
// forward_dense touches every weight; deliver pushes one input event through the
// non-zero weights of its outgoing column only.
#include <cstdint>
#include <limits>
#include <vector>

#include "core/mode.hpp"
#include "core/nonzero.hpp"
#include "core/tensor.hpp"
#include "network/gathered_delivery.hpp"

namespace evsim {

class DelayedProjection;

class Projection {
 public:
  virtual ~Projection() = default;
  virtual int64_t in_size() const = 0;
  virtual int64_t out_size() const = 0;
  // y = W x for every sample (x: in x B); y is resized and overwritten.
  virtual void forward_dense(const Matrix& x, Matrix& y) const = 0;
  // y_col += value * W[:, source] over the non-zero weights of that column.
  virtual void deliver(uint32_t source, float value, float* y_col) const = 0;
  // Weights have a cost; pooling is structural and is not counted as synaptic work.
  virtual bool synaptic() const { return true; }
  // Bytes per touched weight in event mode (value + index).
  virtual uint64_t bytes_per_nnz() const { return sizeof(float) + sizeof(uint32_t); }
  // Gathered event delivery (network/gathered_delivery.hpp): y += W x over the active inputs,
  // the same sums as deliver() event by event in the reference order (the fast order may take
  // the dense product instead when it is cheaper: the same sums in Eigen's order); returns the
  // weight bytes read. Projections without it (convolutions, pooling) return false from
  // gathers() and take deliver().
  virtual bool gathers() const { return false; }
  // Whether its gathered delivery uses each sample's events listed (GatheredInputs): the
  // gatherer lists them only then (a list is as large as the batch's inputs).
  virtual bool uses_sample_lists() const { return false; }
  // Builds what event delivery reads and dense mode does not (the event backend calls it before
  // the first step, so that no timed step pays for it); delivery builds it on first use anyway.
  virtual void prepare_event() const {}
  // Per-synapse delays (network/delayed_projection.hpp): null for every other projection.
  virtual const DelayedProjection* delayed() const { return nullptr; }
  virtual uint64_t deliver_gathered(const GatheredInputs& in, Matrix& y, SumOrder order) const;
  // For matrices whose product costs about what gathering a batch's events does (readouts):
  // the fewest (unit, sample) events of a batch for which the dense product is predicted
  // cheapest (infinity: never), so that event mode may count them as dense mode does and skip
  // the gathering (its masks and lists, written cold each step, cost more than the product:
  // docs/measurements.md); deliver_product then adds y += W x (every path's sums) and returns
  // the bytes it read. Found once per run: per step, the cost model's code is cold too.
  virtual double product_from_events(int64_t /*batch*/, bool /*evicted*/) const {
    return std::numeric_limits<double>::infinity();
  }
  virtual uint64_t deliver_product(const Matrix& x, Matrix& y) const;
  // A batch's inputs delivered as they arrive, tallied in the same pass (what the gatherer's
  // tally counts, added into `tally`), for matrices whose gathered delivery needs each sample's
  // events and nothing of the batch's union (short columns); y += W x in the reference order,
  // returns the bytes read. `events` (the last step's; -1: none yet) and `evicted` (as for
  // product_from_events) plan the threads.
  virtual bool tallies_in_delivery() const { return false; }
  virtual uint64_t deliver_tallying(const Matrix& x, Matrix& y, ColumnTally& tally, double events, bool evicted) const;

  // Non-zero weights touched when input unit j fires: the effective ops per event.
  const std::vector<uint32_t>& fanout() const { return fanout_; }
  uint64_t dense_macs() const { return dense_macs_; }  // per sample and step
  uint64_t weight_count() const { return weight_count_; }
  uint64_t nnz() const { return nnz_; }
  double density() const {
    return weight_count_ ? static_cast<double>(nnz_) / static_cast<double>(weight_count_) : 0.0;
  }
  // Bytes dense mode reads per step: the whole weight tensor once.
  uint64_t dense_bytes() const { return weight_count_ * sizeof(float); }

 protected:
  std::vector<uint32_t> fanout_;
  uint64_t dense_macs_ = 0, weight_count_ = 0, nnz_ = 0;
};

}  // namespace evsim
