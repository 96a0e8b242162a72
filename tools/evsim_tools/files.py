"""The Python tools' side of evsim's rules for files (docs/reliability.md): an output is written
whole or not at all, and a failure the user can cause is one line `evsim: error: <file>: <what
was expected>` with a non-zero exit, not a traceback."""
import contextlib
import os
import sys
import tempfile


class UserError(Exception):
    """A failure the user can fix (a missing file, a file of the wrong kind, a bad option)."""

    def __init__(self, where, what):
        super().__init__(f"{where}: {what}")


def under_umask(mode):
    """`mode` as the process's umask would leave it (mkstemp and mkdtemp make private files)."""
    umask = os.umask(0)
    os.umask(umask)
    return mode & ~umask


@contextlib.contextmanager
def replaced_whole(path):
    """Yields a temporary path beside `path` to write to; it replaces `path` only when the block
    completes. An exception or Ctrl-C in the block removes it and leaves an existing `path` as
    it was (h5py and torch.save write in place: a checkpoint or a training state interrupted
    mid-write was left truncated, and a resumed run could not read it)."""
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):  # else mkstemp's error would name the temporary
        raise UserError(path, f"directory {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=directory)
    os.close(fd)
    try:
        yield tmp
        os.chmod(tmp, under_umask(0o666))  # mkstemp's 0600 would keep others from reading it
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.remove(tmp)
        raise


def open_h5(path):
    """An HDF5 file opened for reading; a missing or non-HDF5 file is a UserError naming it."""
    import h5py  # here: the report, which needs none of this, runs without h5py

    if not os.path.isfile(path):
        raise UserError(path, "no such file" if not os.path.exists(path) else "not a file")
    try:
        return h5py.File(path, "r")
    except OSError:
        raise UserError(path, "not an HDF5 file (or truncated/corrupt)") from None


def dataset(f, name, ndim=None, holds=""):
    """f[name] as an array, checked: present, a dataset, of `ndim` dimensions when given. `holds`
    says what a right file holds, for the message."""
    import h5py

    obj = f.get(name)
    hint = f" ({holds})" if holds else ""
    if not isinstance(obj, h5py.Dataset):
        found = "missing" if obj is None else "a group, expected a dataset"
        raise UserError(f.filename, f"dataset '{name}': {found}{hint}")
    if ndim is not None and obj.ndim != ndim:
        raise UserError(f.filename, f"dataset '{name}': expected {ndim} dimensions, found shape {obj.shape}{hint}")
    return obj[()]


def load_training_state(path, **torch_load_args):
    """torch.load of a state a training script saved; anything else there is a UserError that
    says how to start afresh."""
    import torch

    try:
        return torch.load(path, **torch_load_args)
    except Exception as e:  # a file torch did not write, or one cut short by hand
        raise UserError(path, f"not a training state this script wrote ({type(e).__name__}); "
                        "remove it to start afresh") from None


def run_main(main):
    """Exits with main()'s status; a UserError, or an OS error on a named file (permission, full
    disk), is printed as one line and exits with 2; Ctrl-C exits with 130 without a traceback."""
    try:
        status = main()
    except UserError as e:
        print(f"evsim: error: {e}", file=sys.stderr)
        sys.exit(2)
    except OSError as e:
        if e.filename is None:
            raise
        print(f"evsim: error: {e.filename}: {e.strerror or e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("evsim: error: interrupted", file=sys.stderr)
        sys.exit(130)
    sys.exit(status or 0)
