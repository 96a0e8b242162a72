"""The shipped dense PTB checkpoint: `evsim eval` on the full test split reproduces, in both
modes, the perplexity PyTorch computed at export (stored in evsim/metrics) within 0.5 %.
Skips when ../shared/data/ptb is absent (and in CI's sanitizer pass)."""
import os
import re
import subprocess

import pytest

from conftest import ROOT
from evsim_tools.checkpoint import read_graph

CHECKPOINT = os.path.join(ROOT, "models", "checkpoints", "egru_lm_ptb_p00.h5")
PTB = os.path.join(ROOT, "..", "shared", "data", "ptb")


@pytest.mark.parametrize("mode", ["dense", "event"])
def test_shipped_dense_checkpoint_perplexity(evsim_bin, mode):
    if not os.path.isdir(PTB):
        pytest.skip(f"{PTB} not present")
    if os.environ.get("EVSIM_SKIP_DATA_CHECKS"):
        pytest.skip("EVSIM_SKIP_DATA_CHECKS is set (sanitizer pass)")
    _, _, meta = read_graph(CHECKPOINT)
    expected = meta["metrics"]["test_perplexity"]
    res = subprocess.run([evsim_bin, "eval", CHECKPOINT, "--data", PTB, "--split", "test", "--mode", mode],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    got = float(re.search(r"perplexity ([0-9.]+) over", res.stdout).group(1))
    assert abs(got - expected) / expected < 0.005, f"evsim {got} vs PyTorch at export {expected}"
