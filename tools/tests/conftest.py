import os
import secrets
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


@pytest.fixture
def evsim_bin():
    path = os.environ.get("EVSIM_BIN", os.path.join(ROOT, "build", "evsim"))
    if not os.path.exists(path):
        pytest.fail(f"evsim binary not found at {path} (build first or set EVSIM_BIN)")
    return path


@pytest.fixture
def seed(request):
    """A fresh seed per test (EVSIM_TEST_SEED replays one); shown in the failure report."""
    value = int(os.environ.get("EVSIM_TEST_SEED", secrets.randbits(31)))
    request.node.user_properties.append(("seed", value))
    print(f"seed={value} (EVSIM_TEST_SEED={value} to replay)")
    return value


@pytest.fixture(autouse=True)
def no_machine_profile(monkeypatch):
    """evsim reads this machine's CPU profile (~/.config/evsim) where calibrate wrote one: tests
    choose theirs (test_machine_profile.py), a developer's own stays out of the others."""
    monkeypatch.setenv("EVSIM_CPU_PROFILE", "off")
