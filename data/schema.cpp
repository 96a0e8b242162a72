#include "data/schema.hpp"

#include <cmath>
#include <map>

#include "core/error.hpp"

namespace evsim {
namespace {

using Rules = std::vector<ParamRule>;

// Conv1d and Conv2d differ only in the rank of their weight (Cout x Cin x k...).
Rules conv_rules(int weight_rank) {
  return {{"weight", kFloat, true, weight_rank, weight_rank},
          {"bias", kFloat, false, 1, 1},
          {"stride", kNumber, false, 0, 1},
          {"padding", kNumber | kString, false, 0, 1},
          {"dilation", kNumber, false, 0, 1},
          {"groups", kNumber, false, 0, 1},
          {"input_shape", kNumber, false, 0, 1}};
}

const std::map<std::string, Rules>& table() {
  static const std::map<std::string, Rules> t = {
      {"Input", {{"shape", kInt, true, 0, 1}}},
      {"Output", {{"shape", kInt, false, 0, 1}}},
      {"Affine", {{"weight", kFloat, true, 2, 2}, {"bias", kFloat, true, 1, 1}}},
      {"Linear", {{"weight", kFloat, true, 2, 2}}},
      {"Scale", {{"scale", kFloat, true, 0, 3}}},
      {"Conv1d", conv_rules(3)},
      {"Conv2d", conv_rules(4)},
      {"SumPool2d",
       {{"kernel_size", kNumber, true, 0, 1}, {"stride", kNumber, false, 0, 1}, {"padding", kNumber, false, 0, 1}}},
      {"AvgPool2d",
       {{"kernel_size", kNumber, true, 0, 1}, {"stride", kNumber, false, 0, 1}, {"padding", kNumber, false, 0, 1}}},
      {"Flatten", {{"start_dim", kNumber, false, 0, 0}, {"end_dim", kNumber, false, 0, 0}}},
      {"Delay", {{"delay", kFloat, true, 0, 3}}},
      {"PoissonSource", {{"rate", kFloat, true, 0, 3}, {"shape", kInt, false, 0, 1}, {"seed", kNumber, false, 0, 0}}},
      {"ConstantSource", {{"value", kFloat, true, 0, 3}, {"shape", kInt, false, 0, 1}}},
      {"Threshold", {{"threshold", kFloat, true, 0, 3}}},
      {"I", {{"r", kFloat, true, 0, 3}}},
      {"IF", {{"r", kFloat, true, 0, 3}, {"v_threshold", kFloat, true, 0, 3}, {"v_reset", kFloat, false, 0, 3}}},
      {"LI",
       {{"tau", kFloat, true, 0, 3},
        {"r", kFloat, true, 0, 3},
        {"v_leak", kFloat, true, 0, 3},
        {"integrator", kString, false, 0, 0}}},
      {"LIF",
       {{"tau", kFloat, true, 0, 3},
        {"r", kFloat, true, 0, 3},
        {"v_leak", kFloat, true, 0, 3},
        {"v_threshold", kFloat, true, 0, 3},
        {"v_reset", kFloat, false, 0, 3},
        {"integrator", kString, false, 0, 0}}},
      {"CubaLI",
       {{"tau_syn", kFloat, true, 0, 3},
        {"tau_mem", kFloat, true, 0, 3},
        {"r", kFloat, true, 0, 3},
        {"v_leak", kFloat, true, 0, 3},
        {"w_in", kFloat, false, 0, 3},
        {"tau_syn_inh", kFloat, false, 0, 3},
        {"integrator", kString, false, 0, 0}}},
      {"CubaLIF",
       {{"tau_syn", kFloat, true, 0, 3},
        {"tau_mem", kFloat, true, 0, 3},
        {"r", kFloat, true, 0, 3},
        {"v_leak", kFloat, true, 0, 3},
        {"w_in", kFloat, false, 0, 3},
        {"tau_syn_inh", kFloat, false, 0, 3},
        {"v_threshold", kFloat, true, 0, 3},
        {"v_reset", kFloat, false, 0, 3},
        {"integrator", kString, false, 0, 0}}},
      {"CobaLIF",
       {{"tau_syn", kFloat, true, 0, 3},
        {"tau_syn_inh", kFloat, true, 0, 3},
        {"tau_mem", kFloat, true, 0, 3},
        {"v_leak", kFloat, true, 0, 3},
        {"e_exc", kFloat, true, 0, 3},
        {"e_inh", kFloat, true, 0, 3},
        {"v_threshold", kFloat, true, 0, 3},
        {"v_reset", kFloat, false, 0, 3},
        {"integrator", kString, false, 0, 0}}},
      {"EGRU",
       {{"weight_ih", kFloat, true, 2, 2},
        {"weight_hh", kFloat, true, 2, 2},
        {"bias_ih", kFloat, false, 1, 1},
        {"bias_hh", kFloat, false, 1, 1},
        {"threshold", kFloat, true, 0, 1}}},
      {"Embedding", {{"weight", kFloat, true, 2, 2}}},
      {"VSN",
       {{"beta", kFloat, false, 0, 3},
        {"threshold", kFloat, true, 0, 3},
        {"activation", kString, false, 0, 0},
        {"spike_steps", kNumber, false, 0, 0}}},
      {"Activation", {{"function", kString, true, 0, 0}}},
      {"Identity", {}},
      {"WaveletConv2d",
       {{"weight_approx", kFloat, true, 4, 4},
        {"weight_detail", kFloat, true, 5, 5},
        {"wavelet", kString, true, 0, 0},
        {"levels", kNumber, true, 0, 0},
        {"finer_details", kString, false, 0, 0}}},
      {"Pad2d", {{"padding", kNumber, true, 0, 1}}},
      {"Crop2d", {{"crop", kNumber, true, 0, 1}}},
      {"GridChannels", {}},
      {"Normalize",
       {{"mean", kFloat, true, 0, 3},
        {"std", kFloat, true, 0, 3},
        {"eps", kFloat, false, 0, 0},
        {"inverse", kNumber, false, 0, 0}}},
  };
  return t;
}

std::string kinds_str(unsigned kinds) {
  std::string s;
  for (auto k : {Array::Kind::Float, Array::Kind::Int, Array::Kind::String}) {
    if (kinds & (1u << static_cast<int>(k))) s += (s.empty() ? "" : " or ") + std::string(kind_name(k));
  }
  return s;
}

void check_finite(const NodeSpec& node, const std::string& key, const Array& a) {
  for (size_t k = 0; k < a.f.size(); ++k) {
    if (!std::isfinite(a.f[k])) {
      throw CheckpointError("node '" + node.name + "' dataset '" + key + "': contains " +
                            (std::isnan(a.f[k]) ? "NaN" : "Inf") + " at flat index " + std::to_string(k));
    }
  }
}

}  // namespace

const std::vector<ParamRule>* node_rules(const std::string& type) {
  auto it = table().find(type);
  return it == table().end() ? nullptr : &it->second;
}

std::vector<std::string> known_node_types() {
  std::vector<std::string> v;
  for (const auto& [k, _] : table()) v.push_back(k);
  return v;
}

// A `weight` group in scipy's compressed layout (Linear, Affine): its parts' kinds and ranks
// here, their consistency where the matrix is built (network/csc_matrix.hpp).
static void validate_sparse_weight(const NodeSpec& node) {
  const std::string where = "node '" + node.name + "' (" + node.type + ") dataset 'weight/";
  if (node.type != "Linear" && node.type != "Affine")
    throw CheckpointError(where + "format': sparse weights are for Linear and Affine");
  const std::pair<const char*, Array::Kind> parts[] = {{"format", Array::Kind::String},
                                                       {"shape", Array::Kind::Int},
                                                       {"indptr", Array::Kind::Int},
                                                       {"indices", Array::Kind::Int},
                                                       {"data", Array::Kind::Float}};
  for (const auto& [part, kind] : parts) {
    const Array* a = node.find(std::string("weight/") + part);
    if (!a)
      throw CheckpointError(where + part + "': missing (a sparse weight needs format, shape, indptr, indices, data)");
    if (a->kind != kind)
      throw CheckpointError(where + part + "': expected " + kind_name(kind) + " data, got " + kind_name(a->kind));
    if (a->rank() != (kind == Array::Kind::String ? 0 : 1))
      throw CheckpointError(where + part + "': expected " + (kind == Array::Kind::String ? "a scalar" : "rank 1") +
                            ", got shape " + shape_str(a->shape));
    if (kind == Array::Kind::Float)
      for (float v : a->f)
        if (!std::isfinite(v)) throw CheckpointError(where + part + "': expected finite values");
  }
  if (const Array* d = node.find("weight/delay")) {  // optional: seconds per stored weight
    const Array& data = *node.find("weight/data");
    if (d->kind != Array::Kind::Float || d->rank() != 1 || d->f.size() != data.f.size())
      throw CheckpointError(where + "delay': expected one float delay (seconds) per stored weight (" +
                            std::to_string(data.f.size()) + "), got " + kind_name(d->kind) + " of shape " +
                            shape_str(d->shape));
    for (float v : d->f)
      if (!(std::isfinite(v) && v >= 0.0f)) throw CheckpointError(where + "delay': expected finite delays >= 0 s");
  }
}

void validate_node(const NodeSpec& node) {
  const Rules* rules = node_rules(node.type);
  if (!rules) {
    std::string known;
    for (const auto& k : known_node_types()) known += (known.empty() ? "" : ", ") + k;
    throw CheckpointError("node '" + node.name + "': unknown node type '" + node.type + "' (known: " + known +
                          ", NIRGraph)");
  }
  const bool sparse_weight = node.find("weight/format") != nullptr;
  if (sparse_weight) validate_sparse_weight(node);
  for (const auto& rule : *rules) {
    if (sparse_weight && std::string(rule.name) == "weight") continue;
    const Array* a = node.find(rule.name);
    const std::string where = "node '" + node.name + "' (" + node.type + ") dataset '" + rule.name + "': ";
    if (!a) {
      if (rule.required) throw CheckpointError(where + "missing (required for " + node.type + ")");
      continue;
    }
    if (!(rule.kinds & (1u << static_cast<int>(a->kind))))
      throw CheckpointError(where + "expected " + kinds_str(rule.kinds) + " data, got " + kind_name(a->kind));
    if (a->rank() < rule.min_rank || a->rank() > rule.max_rank) {
      throw CheckpointError(where + "expected rank " + std::to_string(rule.min_rank) +
                            (rule.max_rank != rule.min_rank ? "-" + std::to_string(rule.max_rank) : "") +
                            ", got shape " + shape_str(a->shape));
    }
    if (a->kind == Array::Kind::Float) check_finite(node, rule.name, *a);
  }
}

}  // namespace evsim
