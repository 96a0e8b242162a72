// The runner interface on the CPU: the registry, streaming in chunks against one run, the
// log-softmax of step_nll against the outputs, layers in graph order; and the CUDA lowering's
// errors (host code: no GPU needed).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>
#include <stdexcept>

#include "backends/cuda/lowering.hpp"
#include "core/error.hpp"
#include "core/log_softmax.hpp"
#include "models/random_input.hpp"
#include "network/csc_matrix.hpp"
#include "network/report_layout.hpp"
#include "network/source_op.hpp"
#include "tests/random_models.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

TEST(Runner, RegistryNamesItsBackends) {
  const auto names = backend_names();
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names[0], "cpu");
  std::mt19937_64 rng(1);
  Graph g = build_graph(testing::random_egru_stack(rng), 1e-3);
  try {
    make_runner("tpu", Mode::Event, g);
    ADD_FAILURE() << "unknown backend accepted";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("this build has: cpu"), std::string::npos) << e.what();
  }
  RunnerOptions o;
  o.gpu_profile = "p.json";
  EXPECT_THROW(make_runner("cpu", Mode::Event, g, o), UsageError);
}

// cpu-event is the reference sum order: per output, one fused multiply-add per non-zero
// input in ascending order; cpu-dense says it is not. Values chosen so that fused and
// separately rounded sums differ: (1 + 2^-12)^2 - 1 = 2^-11 + 2^-24 is exact in float, but
// the product rounded on its own loses the 2^-24 (a tie, to even).
TEST(Runner, CpuEventSumsInTheReferenceOrder) {
  const float a = 1.0f + 0x1p-12f;
  Matrix w(1, 2);
  w << -1.0f, a;
  const CscMatrix csc = CscMatrix::from_dense(w);
  float y = 0.0f;
  csc.axpy_column(0, 1.0f, &y);
  csc.axpy_column(1, a, &y);
  EXPECT_EQ(y, 0x1p-11f + 0x1p-24f);
  std::mt19937_64 rng(3);
  Graph g = build_graph(testing::random_egru_stack(rng), 1e-3);
  const Sequence x = gaussian_input(3, 2, g.input_width(), 5);
  EXPECT_EQ(testing::run_on("cpu", g, Mode::Event, x, false, SumOrder::Reference).sum_order, SumOrder::Reference);
  EXPECT_EQ(testing::run_on("cpu", g, Mode::Event, x).sum_order, SumOrder::Fast);
  EXPECT_EQ(testing::run_on("cpu", g, Mode::Dense, x).sum_order, SumOrder::Fast);
  EXPECT_EQ(parse_sum_order("reference"), SumOrder::Reference);
  EXPECT_THROW(parse_sum_order("exact"), UsageError);
}

Sequence slice(const Sequence& x, int64_t t0, int64_t n) {
  Sequence s(n, x.batch, x.width);
  for (int64_t t = 0; t < n; ++t) s.step(t) = x.step(t0 + t);
  return s;
}

TEST(Runner, ChunksCarryTheStateOfOneRun) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  Graph g = build_graph(testing::random_egru_stack(rng), 1e-3);
  const Sequence x = gaussian_input(11, 3, g.input_width(), rng());
  for (Mode mode : {Mode::Dense, Mode::Event}) {
    auto runner = make_runner("cpu", mode, g);
    const RunResult whole = runner->run(x);
    runner->begin(x.batch);
    Sequence joined(x.steps, x.batch, g.output_width());
    for (auto [t0, n] : {std::pair<int64_t, int64_t>{0, 4}, {4, 1}, {5, 6}}) {
      const Sequence out = runner->step(slice(x, t0, n));
      for (int64_t t = 0; t < n; ++t) joined.step(t0 + t) = out.step(t);
    }
    const RunResult streamed = runner->finish();
    EXPECT_EQ(joined.data, whole.output.data);
    EXPECT_EQ(streamed.totals.effective_ops(), whole.totals.effective_ops());
    EXPECT_EQ(streamed.totals.events, whole.totals.events);
    EXPECT_EQ(streamed.totals.dense_macs, whole.totals.dense_macs);
  }
}

TEST(Runner, StepNllIsTheLogSoftmaxOfTheOutputs) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  Graph g = build_graph(testing::random_lm(rng), 1e-3);
  const int64_t vocab = g.output_width(), steps = 7, batch = 2;
  Sequence x(steps, batch, 1);
  std::vector<int64_t> targets(static_cast<size_t>(steps * batch));
  std::uniform_int_distribution<int64_t> id(0, vocab - 1);
  for (float& v : x.data) v = static_cast<float>(id(rng));
  for (int64_t& t : targets) t = id(rng);
  auto runner = make_runner("cpu", Mode::Event, g);
  const RunResult r = runner->run(x);
  double want = 0;
  for (int64_t t = 0; t < steps; ++t)
    for (int64_t b = 0; b < batch; ++b)
      want += token_nll(r.output.step(t).col(b).data(), vocab, targets[static_cast<size_t>(t * batch + b)]);
  runner->begin(batch);
  EXPECT_DOUBLE_EQ(runner->step_nll(x, targets), want);
  runner->begin(batch);
  targets[3] = vocab;
  EXPECT_THROW(runner->step_nll(x, targets), InputError);
}

TEST(Runner, LayersInGraphOrder) {
  // Nodes listed out of order in the file: the report follows the edges.
  ModelSpec s;
  s.graph.add("out", "Output");
  NodeSpec& w2 = s.graph.add("w2", "Linear");
  w2.params["weight"] = Array::floats({2, 2}, {1, 0, 0, 1});
  NodeSpec& w1 = s.graph.add("w1", "Linear");
  w1.params["weight"] = Array::floats({2, 3}, {1, 0, 0, 0, 1, 0});
  s.graph.add("in", "Input").params["shape"] = Array::ints({1}, {3});
  s.graph.connect("in", "w1");
  s.graph.connect("w1", "w2");
  s.graph.connect("w2", "out");
  const Graph g = build_graph(s, 1e-3);
  const auto layout = report_layout(g);
  ASSERT_EQ(layout.size(), 2u);
  EXPECT_EQ(layout[0].report.name, "w1");
  EXPECT_EQ(layout[1].report.name, "w2");
  Graph run_graph = build_graph(s, 1e-3);
  const RunResult r = testing::run_on("cpu", run_graph, Mode::Event, gaussian_input(2, 1, 3, 5));
  EXPECT_EQ(r.layers[0].name, "w1");
}

TEST(CudaLowering, UnsupportedNodesAreNamed) {
  std::mt19937_64 rng(3);
  const Graph conv = build_graph(testing::random_conv_net(rng), 1e-3);
  try {
    cuda::lower_snn(conv);
    ADD_FAILURE() << "Conv2d lowered";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("node 'conv' of type Conv2d"), std::string::npos) << e.what();
  }
  const Graph lif = build_graph(testing::random_lif_net(rng, false, true), 1e-3);
  const auto p = cuda::lower_snn(lif);
  int back = 0;
  for (const auto& s : p.stages) back += static_cast<int>(s.back.size());
  EXPECT_EQ(back, 1);  // the recurrent edge reads the previous step
  EXPECT_FALSE(cuda::is_egru_stack(lif));
  // A VS-WNO lowers whole: each stage counts the CPU's dense MACs, and only convolutions fed by
  // spiking layers alone (w1 after act0, fc2 after act_fc) may scatter spikes.
  const ModelSpec wno_spec = testing::random_wno(rng, true);
  const auto w = cuda::lower_snn(build_graph(wno_spec, 1e-3));
  Graph wno = build_graph(wno_spec, 1e-3);
  const RunResult cpu = testing::run_on("cpu", wno, Mode::Dense, gaussian_input(1, 1, wno.input_width(), 5));
  int checked = 0;
  for (const LayerReport& l : cpu.layers) {
    if (l.neuron) continue;
    const auto s = std::find_if(w.stages.begin(), w.stages.end(), [&](const auto& st) { return st.name == l.name; });
    ASSERT_NE(s, w.stages.end()) << l.name;
    EXPECT_EQ(s->dense_macs, l.counts.dense_macs) << l.name;
    EXPECT_EQ(s->dense_work, l.type == "WaveletConv2d") << l.name;
    ++checked;
  }
  EXPECT_EQ(checked, 7);  // lift, k0, w0, k1, w1, fc1, fc2
  for (const auto& st : w.stages) {
    if (st.kind == cuda::SnnNode::Kind::PointwiseConv) {
      EXPECT_EQ(st.spiking_input, st.name == "w1" || st.name == "fc2") << st.name;
    }
  }
  const Graph lm = build_graph(testing::random_lm(rng), 1e-3);
  const auto e = cuda::lower_egru_stack(lm);
  EXPECT_GT(e.embedding.size(), 0);
  EXPECT_EQ(e.readout_w.rows(), lm.output_width());
}

// Delays and sources lower for the GPU from the CPU's own operators: the synapses split by delay
// (ascending, every synapse once, the same weights), NIR Delay's steps per unit, and the Poisson
// source's draw tables and stream as the CPU uses them.
TEST(CudaLowering, DelaysAndSourcesKeepTheCpuParameters) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const ModelSpec spec = testing::random_delayed_net(rng, {.poisson = true, .delay_node = true});
  const Graph g = build_graph(spec, 1e-3);
  const cuda::SnnParams p = cuda::lower_snn(g);
  auto stage = [&](const std::string& name) {
    const auto s = std::find_if(p.stages.begin(), p.stages.end(), [&](const auto& st) { return st.name == name; });
    if (s == p.stages.end()) throw std::runtime_error("no stage " + name);
    return *s;
  };
  const cuda::SnnNode drive = stage("drive"), late = stage("late"), rec = stage("rec");
  EXPECT_EQ(drive.kind, cuda::SnnNode::Kind::Source);
  EXPECT_TRUE(drive.poisson);
  EXPECT_EQ(drive.stream, stream_of("drive"));
  ASSERT_EQ(drive.table_start.size(), 6u);
  for (size_t i = 0; i < 6; ++i) {  // one rate (300 Hz x 1 ms): one table, P(0) = e^-0.3 first
    EXPECT_EQ(drive.table_start[i], 0);
    EXPECT_EQ(drive.table_length[i], static_cast<int>(drive.cdf.size()));
  }
  EXPECT_NEAR(drive.cdf.at(0), std::exp(-0.3), 1e-7);
  EXPECT_EQ(late.kind, cuda::SnnNode::Kind::UnitDelay);
  const std::vector<float>& late_s = spec.graph.find("late")->params.at("delay").f;
  ASSERT_EQ(late.unit_delay.size(), late_s.size());
  for (size_t i = 0; i < late_s.size(); ++i) EXPECT_EQ(late.unit_delay[i], std::lround(late_s[i] / 1e-3));
  // The synapses by delay: each group's entries are exactly the file's synapses of that delay.
  const NodeSpec& file = *spec.graph.find("rec");
  const std::vector<int64_t>&ptr = file.params.at("weight/indptr").i, &col = file.params.at("weight/indices").i;
  const std::vector<float>&val = file.params.at("weight/data").f, &del = file.params.at("weight/delay").f;
  std::map<int64_t, std::map<std::pair<int64_t, int64_t>, float>> want;
  for (size_t r = 0; r + 1 < ptr.size(); ++r)
    for (auto k = static_cast<size_t>(ptr[r]); k < static_cast<size_t>(ptr[r + 1]); ++k)
      want[std::lround(del[k] / 1e-3)][{static_cast<int64_t>(r), col[k]}] = val[k];
  ASSERT_EQ(rec.delayed.size(), want.size());
  auto it = want.begin();
  for (const auto& d : rec.delayed) {
    EXPECT_EQ(d.steps, it->first);
    std::map<std::pair<int64_t, int64_t>, float> got;
    for (int64_t j = 0; j < d.csc.cols; ++j)
      for (uint64_t k = d.csc.col_ptr[static_cast<size_t>(j)]; k < d.csc.col_ptr[static_cast<size_t>(j) + 1]; ++k)
        got[{static_cast<int64_t>(d.csc.row_idx[k]), j}] = d.csc.values[k];
    EXPECT_EQ(got, it->second) << "delay " << d.steps;
    EXPECT_EQ(d.w.rows(), d.csc.rows);  // small: a dense copy for cuda-dense
    ++it;
  }
  EXPECT_EQ(rec.w.size(), 0);
  EXPECT_FALSE(rec.csc.has_value());
}

}  // namespace
}  // namespace evsim

#include "data/h5.hpp"
#include "data/output_stream.hpp"
#include "data/recording_writer.hpp"
#include "data/sequence_io.hpp"
#include "models/chunked_run.hpp"

namespace evsim {
namespace {

// A long run in chunks (the CLI's progress path) gives one run's outputs and counts, and
// reports each chunk's progress in order: chunks of steps / 5; a first chunk of 3, then each at
// most twice the last and steps / 5; a first of 3, then what a nanosecond takes at the rate so
// far (one step).
TEST(ChunkedRun, EqualsOneRun) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const ModelSpec spec = testing::random_lif_net(rng, true, true);
  const Sequence x = spike_input(47, 2, spec.graph.nodes[0].params.at("shape").i[0], rng(), 0.4);
  std::vector<int64_t> one_by_one{3};
  for (int64_t t = 4; t <= 47; ++t) one_by_one.push_back(t);
  const std::pair<ChunkPlan, std::vector<int64_t>> plans[] = {{ChunkPlan{5, 0, 0}, {10, 20, 30, 40, 47}},
                                                              {ChunkPlan{5, 3, 0}, {3, 9, 19, 29, 39, 47}},
                                                              {ChunkPlan{5, 3, 1e-9}, one_by_one}};
  for (Mode mode : {Mode::Dense, Mode::Event}) {
    Graph a = build_graph(spec, 1e-3);
    const RunResult whole = make_runner("cpu", mode, a)->run(x);
    for (const auto& [plan, expected] : plans) {
      Graph b = build_graph(spec, 1e-3);
      InputSource source = InputSource::of(x);
      std::vector<int64_t> seen;
      const RunResult parts = run_in_chunks(*make_runner("cpu", mode, b), source, plan,
                                            [&](const RunProgress& p) { seen.push_back(p.steps_done); });
      EXPECT_EQ(parts.output.data, whole.output.data);
      EXPECT_EQ(parts.output.steps, 47);
      EXPECT_EQ(seen, expected);
      ASSERT_EQ(parts.layers.size(), whole.layers.size());
      for (size_t k = 0; k < whole.layers.size(); ++k) {
        EXPECT_EQ(parts.layers[k].counts.events, whole.layers[k].counts.events);
        EXPECT_EQ(parts.layers[k].counts.effective_ops(), whole.layers[k].counts.effective_ops());
      }
    }
  }
}

// An input handed out in chunks of any sizes is the input drawn whole: file sequences,
// zeros, and the seeded generators (which keep their state from chunk to chunk).
TEST(InputSource, ChunksOfAnySizeMakeTheWholeInput) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  auto in_chunks = [&](InputSource src) {
    std::vector<float> all;
    while (src.taken() < src.steps()) {
      const Sequence c = src.next(1 + static_cast<int64_t>(rng() % 7));
      EXPECT_EQ(c.batch, src.batch());
      all.insert(all.end(), c.data.begin(), c.data.end());
    }
    EXPECT_EQ(src.next(5).steps, 0) << "nothing past the end";
    return all;
  };
  const uint64_t draw = rng();
  const Sequence whole = gaussian_input(23, 3, 5, draw);
  EXPECT_EQ(in_chunks(gaussian_source(23, 3, 5, draw)), whole.data);
  EXPECT_EQ(in_chunks(InputSource::of(whole)), whole.data);
  EXPECT_EQ(in_chunks(InputSource::zeros(9, 2, 4)), std::vector<float>(72, 0.0f));
  const Sequence tokens = token_source(31, 4, 100, draw).rest();
  EXPECT_EQ(in_chunks(token_source(31, 4, 100, draw)), tokens.data);
  std::mt19937_64 same(draw);  // the ids are the uniform draws, in step order
  std::uniform_int_distribution<int64_t> id(0, 99);
  for (float v : tokens.data) EXPECT_EQ(v, static_cast<float>(id(same)));
}

// A long run's outputs streamed to OUT.h5 chunk by chunk (data/output_stream.hpp) read back as
// the whole run's; the file appears only at commit, and a chunk out of order is refused.
TEST(ChunkedRun, StreamedOutputFileEqualsTheWholeRun) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const ModelSpec spec = testing::random_ei_net(rng, testing::EiKind::CubaExact);
  const Sequence x = spike_input(53, 2, spec.graph.nodes[0].params.at("shape").i[0], rng(), 0.4);
  Graph a = build_graph(spec, 1e-3), b = build_graph(spec, 1e-3);
  const RunResult whole = make_runner("cpu", Mode::Event, a)->run(x);
  const std::string path = ::testing::TempDir() + "/evsim_streamed_" + std::to_string(seed) + ".h5";
  std::filesystem::remove(path);
  {
    OutputStream out(path, x.steps, x.batch, whole.output.width);
    ChunkSinks sinks;
    sinks.outputs = Outputs::Sink;
    sinks.output = [&](int64_t t0, const Sequence& chunk) { out.write(t0, chunk); };
    InputSource source = InputSource::of(x);
    const RunResult parts = run_in_chunks(
        *make_runner("cpu", Mode::Event, b), source, ChunkPlan{4, 0, 0}, [](const RunProgress&) {}, sinks);
    EXPECT_TRUE(parts.output.data.empty()) << "a sink's run keeps no output";
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_THROW(out.write(0, Sequence(1, x.batch, whole.output.width)), Error);  // not the next step
    out.commit();
  }
  const Sequence back = read_output(path);
  EXPECT_EQ(back.steps, x.steps);
  EXPECT_EQ(back.data, whole.output.data);
  std::filesystem::remove(path);
  {
    OutputStream unfinished(path, 10, 1, 3);
    unfinished.write(0, Sequence(4, 1, 3));
    EXPECT_THROW(unfinished.commit(), Error);
  }
  EXPECT_FALSE(std::filesystem::exists(path)) << "an unfinished stream leaves no file";
}

// Recordings streamed window by window (RecordingStream) give the file a whole run's recording
// gives, dataset for dataset: spikes (binary and graded), state traces, spikes only.
TEST(ChunkedRun, StreamedRecordingEqualsTheWholeRunsFile) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const std::string dir = ::testing::TempDir() + "/evsim_rec_" + std::to_string(seed);
  std::filesystem::create_directories(dir);
  int index = 0;
  for (const bool graded : {false, true})
    for (const RecordWhat what : {RecordWhat{true, true}, RecordWhat{true, false}, RecordWhat{false, true}}) {
      SCOPED_TRACE(std::string(graded ? "graded" : "binary") + (what.spikes ? ", spikes" : "") +
                   (what.state ? ", state" : ""));
      const ModelSpec spec = graded ? testing::random_vsn_mlp(rng) : testing::random_ei_net(rng, testing::EiKind::Coba);
      const int64_t width = spec.graph.nodes[0].params.at("shape").i[0];
      const Sequence x = graded ? gaussian_input(41, 2, width, rng()) : spike_input(41, 2, width, rng(), 0.4);
      RunnerOptions options;
      options.record = true;
      options.record_what = what;
      Graph a = build_graph(spec, 1e-3), b = build_graph(spec, 1e-3);
      const std::string whole_path = dir + "/whole" + std::to_string(index) + ".h5",
                        parts_path = dir + "/parts" + std::to_string(index++) + ".h5";
      write_recording(whole_path, make_runner("cpu", Mode::Event, a, options)->run(x), 1e-3);
      RecordingStream stream(parts_path, x.steps, 1e-3);
      ChunkSinks sinks;
      sinks.recording = [&](const std::vector<NodeRecording>& w, int64_t t0) { stream.write(w, t0); };
      InputSource source = InputSource::of(x);
      run_in_chunks(
          *make_runner("cpu", Mode::Event, b, options), source, ChunkPlan{3, 2, 0}, [](const RunProgress&) {}, sinks);
      stream.commit();
      const h5::Id whole = h5::open_file(whole_path), parts = h5::open_file(parts_path);
      int compared = 0, valued = 0;
      for (const std::string& node : h5::children(h5::open_group(whole.get(), "nodes").get())) {
        const std::string obs = "nodes/" + node + "/observables";
        for (const char* key : {"spikes/idx", "spikes/time", "spikes/batch", "spikes/value", "v/data"}) {
          const std::string name = obs + "/" + key;
          ASSERT_EQ(h5::exists(whole.get(), name), h5::exists(parts.get(), name)) << name;
          if (!h5::exists(whole.get(), name)) continue;
          const Array w = h5::read(whole.get(), name), p = h5::read(parts.get(), name);
          EXPECT_EQ(w.shape, p.shape) << name;
          EXPECT_EQ(w.f, p.f) << name;
          EXPECT_EQ(w.i, p.i) << name;
          ++compared;
          valued += std::string(key) == "spikes/value";
        }
      }
      EXPECT_GT(compared, 0);
      const std::string first = "nodes/" + h5::children(h5::open_group(parts.get(), "nodes").get()).front();
      EXPECT_EQ(h5::exists(parts.get(), first + "/observables/spikes"), what.spikes);
      EXPECT_EQ(h5::exists(parts.get(), first + "/observables/v"), what.state);
      if (graded && what.spikes) {
        EXPECT_GT(valued, 0) << "graded events keep their values";
      }
    }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace evsim
