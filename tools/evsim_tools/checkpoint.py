"""evsim checkpoints: NIR's HDF5 graph layout plus evsim's extension node types and the
`evsim` metadata group (../shared/DESIGN.md section 3).

A graph here is a list of (name, type, params) nodes and (src, dst) edges; params map
dataset names to numpy arrays, numbers or strings. Pruned weights are exact zeros.
"""
import h5py
import numpy as np

from .files import UserError, open_h5, replaced_whole

STR = h5py.string_dtype(encoding="utf-8")


def _write_sparse(group, key, m, compress):
    """A scipy.sparse matrix as evsim's sparse `weight` group (DESIGN.md section 3): csr or csc,
    canonical (duplicates summed, indices sorted), float32 values, int32/int64 indices."""
    fmt = "csc" if m.format == "csc" else "csr"
    m = m.asformat(fmt).copy()
    m.sum_duplicates()
    m.sort_indices()
    sg = group.create_group(key)
    sg.create_dataset("format", data=fmt, dtype=STR)
    sg.create_dataset("shape", data=np.array(m.shape, dtype=np.int64))
    for name, arr in (("indptr", m.indptr), ("indices", m.indices), ("data", m.data.astype(np.float32))):
        opts = dict(compression="gzip", compression_opts=4, shuffle=True) if compress and arr.size > 64 else {}
        sg.create_dataset(name, data=arr, **opts)


def _write_delayed(group, key, m, delay, compress):
    """(W, delay): a scipy.sparse W and one delay in seconds per entry of W.tocoo() (row,
    col, data order), written as a canonical csr group with `delay` beside `data`. Entries are
    kept as given (zeros dropped): one synapse per (row, col)."""
    c = m.tocoo()
    delay = np.asarray(delay, dtype=np.float32).reshape(-1)
    if delay.size != c.nnz:
        raise ValueError(f"{key}: {delay.size} delays for {c.nnz} entries")
    keep = c.data != 0
    row, col, data, delay = c.row[keep], c.col[keep], c.data[keep], delay[keep]
    order = np.lexsort((col, row))
    row, col, data, delay = row[order], col[order], data[order], delay[order]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(row, minlength=m.shape[0]))]).astype(np.int64)
    sg = group.create_group(key)
    sg.create_dataset("format", data="csr", dtype=STR)
    sg.create_dataset("shape", data=np.array(m.shape, dtype=np.int64))
    for name, arr in (("indptr", indptr), ("indices", col.astype(np.int64)), ("data", data.astype(np.float32)),
                      ("delay", delay)):
        opts = dict(compression="gzip", compression_opts=4, shuffle=True) if compress and arr.size > 64 else {}
        sg.create_dataset(name, data=arr, **opts)


def _write_param(group, key, value, compress):
    if isinstance(value, tuple) and len(value) == 2 and hasattr(value[0], "tocoo"):  # (W, delays)
        _write_delayed(group, key, value[0], value[1], compress)
        return
    if hasattr(value, "tocsr") and hasattr(value, "nnz"):  # scipy.sparse
        _write_sparse(group, key, value, compress)
        return
    if isinstance(value, str):
        group.create_dataset(key, data=value, dtype=STR)
        return
    arr = np.asarray(value)
    if arr.dtype.kind == "f" and arr.dtype != np.float16:  # float16 is kept: half storage
        arr = arr.astype(np.float32)
    elif arr.dtype.kind in "iu":
        arr = arr.astype(np.int64)
    if compress and arr.ndim > 0 and arr.size > 64:
        group.create_dataset(key, data=arr, compression="gzip", compression_opts=4, shuffle=True)
    else:
        group.create_dataset(key, data=arr)


def write_graph(path, nodes, edges, meta=None, compress=True, links=None):
    """Writes a checkpoint. meta: dict(model, dt, vocab, metrics, pruning_method,
    pruning_level). links: {(node, key): (other_node, other_key)} stores a parameter as an
    HDF5 hard link to another (e.g. a decoder tied to the embedding: stored once)."""
    meta = meta or {}
    links = links or {}
    with replaced_whole(path) as tmp, h5py.File(tmp, "w") as f:  # closed, then renamed into place
        f.create_dataset("version", data="0.2.0", dtype=STR)
        root = f.create_group("node")
        root.create_dataset("type", data="NIRGraph", dtype=STR)
        g = root.create_group("nodes")
        for name, ntype, params in nodes:
            ng = g.create_group(name)
            ng.create_dataset("type", data=ntype, dtype=STR)
            for key, value in params.items():
                if (name, key) not in links:
                    _write_param(ng, key, value, compress)
        for (name, key), (src, src_key) in links.items():
            g[name][key] = g[src][src_key]
        root.create_dataset("edges", data=np.array(edges, dtype=object).reshape(-1, 2), dtype=STR)
        ev = f.create_group("evsim")
        ev.attrs["format_version"] = np.int64(1)
        ev.attrs["model"] = meta.get("model", "snn")
        if meta.get("dt"):
            ev.attrs["dt"] = float(meta["dt"])
        if meta.get("vocab"):
            ev.create_dataset("vocab", data=np.array(meta["vocab"], dtype=object), dtype=STR,
                              compression="gzip")
        mg = ev.create_group("metrics")
        for k, v in meta.get("metrics", {}).items():
            mg.create_dataset(k, data=np.float64(v))
        pg = ev.create_group("pruning")
        pg.attrs["method"] = meta.get("pruning_method", "none")
        pg.attrs["level"] = float(meta.get("pruning_level", 0.0))


def _decode(v):
    if isinstance(v, bytes):
        return v.decode()
    return v


def read_graph(path):
    """Returns (nodes {name: (type, params)}, edges [(src, dst)], meta dict)."""
    with open_h5(path) as f:
        g = f.get("node")
        if not isinstance(g, h5py.Group) or not isinstance(g.get("nodes"), h5py.Group) or "edges" not in g:
            raise UserError(path, "groups 'node/nodes' and dataset 'node/edges': expected (a NIR/evsim checkpoint)")
        nodes = {}
        for name, ng in g["nodes"].items():
            ntype = _decode(ng["type"][()])
            params = {}
            for key, ds in ng.items():
                if key == "type":
                    continue
                if isinstance(ds, h5py.Group):  # a sparse weight: scipy.sparse
                    import scipy.sparse as sp
                    fmt = _decode(ds["format"][()])
                    ctor = sp.csr_matrix if fmt == "csr" else sp.csc_matrix
                    params[key] = ctor((ds["data"][()], ds["indices"][()], ds["indptr"][()]),
                                       shape=tuple(int(v) for v in ds["shape"][()]))
                    if "delay" in ds:  # (W, delays), delays in W.tocoo() order
                        d = ctor((ds["delay"][()], ds["indices"][()], ds["indptr"][()]), shape=params[key].shape)
                        w = params[key].tocoo()
                        params[key] = (params[key], np.asarray(d.tocsr()[w.row, w.col]).reshape(-1))
                    continue
                val = ds[()]
                params[key] = _decode(val) if ds.dtype.kind in "OS" and ds.shape == () else val
            nodes[name] = (ntype, params)
        edges = [(_decode(a), _decode(b)) for a, b in g["edges"][()]] if g["edges"].size else []
        meta = {}
        if "evsim" in f:
            ev = f["evsim"]
            meta["model"] = _decode(ev.attrs.get("model", "snn"))
            if "dt" in ev.attrs:
                meta["dt"] = float(ev.attrs["dt"])
            if "vocab" in ev:
                meta["vocab"] = [_decode(w) for w in ev["vocab"][()]]
            if "metrics" in ev:
                meta["metrics"] = {k: float(v[()]) for k, v in ev["metrics"].items()}
            if "pruning" in ev:
                meta["pruning_method"] = _decode(ev["pruning"].attrs.get("method", "none"))
                meta["pruning_level"] = float(ev["pruning"].attrs.get("level", 0.0))
    return nodes, edges, meta


def _np(t):
    return t.detach().cpu().numpy().astype(np.float32)


def module_node(name, module):
    """(name, type, params) of one reference module (modules.py)."""
    from . import modules as m

    if isinstance(module, m.EGRU):
        return (name, "EGRU", {"weight_ih": _np(module.weight_ih), "weight_hh": _np(module.weight_hh),
                               "bias_ih": _np(module.bias_ih), "bias_hh": _np(module.bias_hh),
                               "threshold": _np(module.threshold)})
    if isinstance(module, m.Affine):
        if module.bias is None:
            return (name, "Linear", {"weight": _np(module.weight)})
        return (name, "Affine", {"weight": _np(module.weight), "bias": _np(module.bias)})
    if isinstance(module, m.VSN):
        return (name, "VSN", {"beta": _np(module.beta), "threshold": _np(module.threshold),
                              "activation": module.activation, "spike_steps": np.int64(module.spike_steps)})
    if isinstance(module, m.LIF):
        return (name, "LIF", {"tau": _np(module.tau), "r": _np(module.r), "v_leak": _np(module.v_leak),
                              "v_threshold": _np(module.v_threshold), "v_reset": _np(module.v_reset)})
    raise TypeError(f"no evsim node type for {type(module).__name__}")


def export_chain(path, modules, input_size, meta=None):
    """Input -> modules[0] -> ... -> Output, as evsim runs it step by step."""
    nodes = [("input", "Input", {"shape": np.array([input_size], dtype=np.int64)})]
    edges, prev = [], "input"
    for k, mod in enumerate(modules):
        node = module_node(f"n{k}_{type(mod).__name__.lower()}", mod)
        nodes.append(node)
        edges.append((prev, node[0]))
        prev = node[0]
    nodes.append(("output", "Output", {}))
    edges.append((prev, "output"))
    write_graph(path, nodes, edges, meta)
    return [n[0] for n in nodes[1:-1]]
