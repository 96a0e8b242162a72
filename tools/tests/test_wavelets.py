"""evsim's 2-D wavelet transform (core/dwt2d.hpp) against PyWavelets: filters db1-db6 built from
their definition, wavedec2/waverec2 with the 'symmetric' boundary on random images of odd and
even sizes, coefficient shapes as pywt's, and the round trip."""
import os
import subprocess

import numpy as np
import pytest

pywt = pytest.importorskip("pywt")
pytestmark = pytest.mark.filterwarnings("ignore:Level value")
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


@pytest.fixture
def probe():
    path = os.environ.get("EVSIM_DWT_PROBE", os.path.join(ROOT, "build", "tests", "dwt_probe"))
    if not os.path.exists(path):
        pytest.fail(f"dwt_probe not found at {path} (build first or set EVSIM_DWT_PROBE)")
    return path


def run_probe(probe, image, wavelet, levels):
    rows, cols = image.shape
    res = subprocess.run([probe, wavelet, str(levels), str(rows), str(cols)], input=image.astype("<f8").tobytes(),
                         capture_output=True)
    assert res.returncode == 0, res.stderr.decode()
    return np.frombuffer(res.stdout, dtype="<f8")


@pytest.mark.parametrize("wavelet", ["haar", "db1", "db2", "db3", "db4", "db5", "db6"])
def test_equals_pywavelets_on_random_images(probe, wavelet, seed):
    rng = np.random.default_rng(seed)
    for rows, cols, levels in ((86, 86, 4), (17, 24, 2), (31, 9, 1), (40, 33, 3)):
        image = rng.standard_normal((rows, cols))
        ref = pywt.wavedec2(image, wavelet, mode="symmetric", level=levels)
        flat = [ref[0]] + [band for level in ref[1:] for band in level]
        got = run_probe(probe, image, wavelet, levels)
        at = 0
        scale = np.abs(image).max()
        for band in flat:
            mine = got[at:at + band.size].reshape(band.shape)
            at += band.size
            assert np.abs(mine - band).max() <= 2e-5 * scale, (wavelet, rows, cols, levels, band.shape)
        back = got[at:].reshape(rows, cols)
        assert at + rows * cols == got.size
        rec = pywt.waverec2(ref, wavelet, mode="symmetric")[:rows, :cols]
        assert np.abs(back - rec).max() <= 2e-5 * scale
        # The round trip (the transform is orthogonal: exact up to float rounding).
        assert np.abs(back - image).max() <= 1e-5 * scale * max(1, levels)


def test_unknown_wavelet_is_one_line(probe):
    res = subprocess.run([probe, "sym4", "1", "8", "8"], input=np.zeros(64).tobytes(), capture_output=True)
    assert res.returncode != 0
    assert res.stderr.decode().strip() == "evsim: error: wavelet 'sym4': expected haar or db1-db20"
