#include <cstdio>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "data/checkpoint.hpp"
#include "data/darcy_data.hpp"
#include "data/sequence_io.hpp"
#include "data/text_corpus.hpp"
#include "models/egru_stack.hpp"
#include "models/snn_benchmark.hpp"
#include "models/weight_layout.hpp"

namespace evsim {

namespace {

struct ConvertOptions {
  std::string in, out, vocab;
  int64_t steps = 0, batch = 1, samples = 0;
  std::vector<int> columns{0};
  std::string to = "sparse", format = "csr";
  EgruStackConfig egru = default_model_config();
  BrunelConfig brunel;
  double epsilon = 0.0;  // 0: the network's own default
  int64_t neurons = 0;   // 0: brunel 10,000, cuba/coba 4,000
  std::string network = "brunel";
};

}  // namespace

void register_convert(CLI::App& app) {
  auto o = std::make_shared<ConvertOptions>();
  auto* cmd = app.add_subcommand("convert", "Convert data into evsim's formats");
  cmd->require_subcommand(1);

  auto* csv = cmd->add_subcommand("csv", "CSV (one row per step) -> IN.h5 with dataset `input` (T x 1 x N)");
  csv->add_option("csv", o->in, "CSV file")->required()->check(CLI::ExistingFile);
  csv->add_option("output", o->out, "IN.h5 to write")->required()->check(output_path());
  csv->add_option("--columns", o->columns, "Columns to take as input units (0-based)")->delimiter(',');
  add_memory_option(*csv);
  csv->callback([o] {
    Sequence s = read_csv_columns(o->in, o->columns);
    write_input(o->out, s);
    std::printf("wrote %s: input (%lld x 1 x %lld)\n", o->out.c_str(), static_cast<long long>(s.steps),
                static_cast<long long>(s.width));
  });

  auto* text = cmd->add_subcommand(
      "text", "Mikolov-format text -> IN.h5 with dataset `tokens` (T x B) in a checkpoint's vocabulary");
  text->add_option("corpus", o->in, "Text file: one sentence per line (<eos> is appended per line)")
      ->required()
      ->check(CLI::ExistingFile);
  text->add_option("output", o->out, "IN.h5 to write")->required()->check(output_path());
  text->add_option("--vocab", o->vocab, "Checkpoint whose vocabulary (evsim/vocab) maps the words")
      ->required()
      ->check(CLI::ExistingFile);
  text->add_option("--batch", o->batch, "Contiguous streams the text is cut into (as `evsim eval`)")
      ->check(in_range(1, 1e6))
      ->capture_default_str();
  text->add_option("--steps", o->steps, "Steps to keep per stream (0: all)")
      ->check(in_range(0, 1e12))
      ->capture_default_str();
  add_memory_option(*text);
  text->callback([o] {
    const std::vector<int64_t> ids = read_token_ids(o->in, read_checkpoint(o->vocab).meta.vocab);
    const Sequence s = token_streams(ids, o->batch, o->steps, o->in);
    write_tokens(o->out, s);
    std::printf("wrote %s: tokens (%lld x %lld) from %zu words of %s\n", o->out.c_str(),
                static_cast<long long>(s.steps), static_cast<long long>(s.batch), ids.size(), o->in.c_str());
  });

  auto* darcy = cmd->add_subcommand(
      "darcy", "Darcy file (coeff, sol) -> IN.h5 with dataset `input` (1 x N x R*R: one inference per sample)");
  darcy->add_option("darcy", o->in, "Darcy file (evsim data darcy, or FNO's .mat)")
      ->required()
      ->check(CLI::ExistingFile);
  darcy->add_option("output", o->out, "IN.h5 to write")->required()->check(output_path());
  darcy->add_option("--samples", o->samples, "The first N samples (0: all)")
      ->check(in_range(0, 1e9))
      ->capture_default_str();
  add_memory_option(*darcy);
  darcy->callback([o] {
    const DarcySet d = read_darcy(o->in, o->samples);
    Sequence s(1, d.samples, d.resolution * d.resolution);
    s.data = d.coeff;
    write_input(o->out, s);
    std::printf("wrote %s: input (1 x %lld x %lld), the coefficient fields of %s\n", o->out.c_str(),
                static_cast<long long>(d.samples), static_cast<long long>(s.width), o->in.c_str());
  });

  auto* ckpt = cmd->add_subcommand("checkpoint", "Read, validate and re-write a checkpoint (adds the evsim group)");
  ckpt->add_option("input", o->in, "Checkpoint to read")->required();
  ckpt->add_option("output", o->out, "Checkpoint to write")->required()->check(output_path());
  add_memory_option(*ckpt);
  ckpt->callback([o] {
    write_checkpoint(read_checkpoint(o->in), o->out);
    std::printf("wrote %s\n", o->out.c_str());
  });

  auto* weights = cmd->add_subcommand(
      "weights", "Store every Linear/Affine weight sparse (scipy csr/csc group: no dense matrix on load) or dense");
  weights->add_option("input", o->in, "Checkpoint to read")->required();
  weights->add_option("output", o->out, "Checkpoint to write")->required()->check(output_path());
  weights->add_option("--to", o->to, "sparse or dense")
      ->check(CLI::IsMember({"sparse", "dense"}))
      ->capture_default_str();
  weights->add_option("--format", o->format, "Sparse layout: csr (rows = outputs) or csc (columns = inputs)")
      ->check(CLI::IsMember({"csr", "csc"}))
      ->capture_default_str();
  add_memory_option(*weights);
  weights->callback([o] {
    ModelSpec spec = read_checkpoint(o->in);
    const WeightLayoutOutcome r =
        o->to == "sparse" ? store_weights_sparse(spec, o->format == "csr") : store_weights_dense(spec);
    write_checkpoint(spec, o->out);
    std::printf("wrote %s: %d Linear/Affine weights %s (%llu non-zeros of %llu)\n", o->out.c_str(), r.converted,
                o->to == "sparse" ? ("as " + o->format).c_str() : "dense", static_cast<unsigned long long>(r.non_zeros),
                static_cast<unsigned long long>(r.weights));
  });

  auto* egru = cmd->add_subcommand("egru-stack", "Write a seeded, pruned EGRU stack (the default model's family)");
  egru->add_option("output", o->out, "Checkpoint to write")->required()->check(output_path());
  egru->add_option("--inputs", o->egru.inputs)->check(in_range(1, 1e6));
  egru->add_option("--hidden", o->egru.hidden)->check(in_range(1, 65536));
  egru->add_option("--layers", o->egru.layers)->check(in_range(1, 1000));
  egru->add_option("--outputs", o->egru.outputs)->check(in_range(1, 1e6));
  egru->add_option("--density", o->egru.density, "Fraction of weights kept")->check(in_range(0.0001, 1.0));
  egru->add_option("--threshold", o->egru.threshold, "Mean EGRU threshold (used when --target-activity is 0)")
      ->check(in_range(-1e6, 1e6));
  egru->add_option("--target-activity", o->egru.target_activity,
                   "Calibrate each layer's thresholds to this activity (0: use --threshold)")
      ->check(in_range(0.0, 1.0));
  egru->add_option("--seed", o->egru.seed);
  add_memory_option(*egru);
  egru->callback([o] {
    write_checkpoint(make_egru_stack(o->egru), o->out);
    std::printf("wrote %s\n", o->out.c_str());
  });

  auto* snn = cmd->add_subcommand("snn-benchmark",
                                  "Write a classic spiking benchmark network: brunel (Brunel 2000, model A), cuba / "
                                  "coba (Vogels & Abbott 2005; Brette et al. 2007 benchmarks 2 and 1)");
  snn->add_option("network", o->network, "Which network")->check(CLI::IsMember({"brunel", "cuba", "coba"}))->required();
  snn->add_option("output", o->out, "Checkpoint to write")->required()->check(output_path());
  snn->add_option("--neurons", o->neurons, "Neurons, 80 % excitatory (default: brunel 10,000, cuba/coba 4,000)")
      ->check(in_range(10, 1e8));
  snn->add_option("--g", o->brunel.g, "brunel: relative inhibition")->capture_default_str();
  snn->add_option("--eta", o->brunel.eta, "brunel: external rate / threshold rate")->capture_default_str();
  snn->add_option("--delay", o->brunel.delay_s, "brunel: synaptic delay (s)")->capture_default_str();
  snn->add_option("--dt", o->brunel.dt, "Time step stored with the model (s)")
      ->capture_default_str()
      ->check(in_range(1e-6, 1e-2));
  snn->add_option("--epsilon", o->epsilon,
                  "Connection probability (default: brunel 0.1, cuba/coba 80 / neurons, 2 % at 4,000)")
      ->check(in_range(1e-6, 1.0));
  snn->add_option("--seed", o->brunel.seed, "Seed of connectivity and initial state")->capture_default_str();
  add_memory_option(*snn);
  snn->callback([o] {
    if (o->network == "brunel") {
      if (o->epsilon > 0) o->brunel.epsilon = o->epsilon;
      if (o->neurons > 0) o->brunel.neurons = o->neurons;
      const ModelSpec spec = make_brunel(o->brunel);
      write_checkpoint(spec, o->out);
      std::printf("wrote %s: Brunel model A, %lld neurons, %llu synapses\n", o->out.c_str(),
                  static_cast<long long>(o->brunel.neurons),
                  static_cast<unsigned long long>(spec.graph.find("w_rec")->find("weight/data")->f.size()));
      return;
    }
    const VogelsAbbottConfig c{o->network == "coba", o->neurons > 0 ? o->neurons : 4000, o->epsilon, o->brunel.dt,
                               o->brunel.seed};
    const ModelSpec spec = make_vogels_abbott(c);
    write_checkpoint(spec, o->out);
    std::printf("wrote %s: %s (Vogels & Abbott 2005), %lld neurons, %llu synapses\n", o->out.c_str(),
                c.conductance ? "COBA" : "CUBA", static_cast<long long>(c.neurons),
                static_cast<unsigned long long>(spec.graph.find("w_rec")->find("weight/data")->f.size()));
  });
}

}  // namespace evsim
