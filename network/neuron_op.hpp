#pragma once
// Node wrapping a neuron population (LIF, CubaLIF, IF, LI, I, Threshold, VSN).
#include <memory>

#include "network/operator.hpp"
#include "neurons/neuron_model.hpp"

namespace evsim {

class NeuronOp final : public Operator {
 public:
  explicit NeuronOp(std::unique_ptr<NeuronModel> model) : model_(std::move(model)) {}
  std::string_view type() const override { return model_->type(); }
  void reset(int64_t batch) override { model_->reset(batch); }
  void compute(const Matrix& input, std::span<const Matrix>, Matrix& out) override { model_->step(input, out); }
  bool is_neuron() const override { return true; }
  const Matrix* state() const override { return &model_->state(); }
  const NeuronModel& model() const { return *model_; }

 private:
  std::unique_ptr<NeuronModel> model_;
};

}  // namespace evsim
