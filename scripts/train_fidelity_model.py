#!/usr/bin/python3
"""Train qopt's learned fidelity estimator (a QuEst-style graph model).

Reads JSON Lines written by qopt-dataset (one circuit graph and its
density-matrix labels per line), trains a message-passing network that
predicts the state fidelity, and writes the model file that qopt evaluates in
C++ (lib/Analysis/LearnedFidelityModel.cpp), with reference predictions for
the inference test and the accuracy on the held-out test sets.

Needs Debian's python3-torch (and python3-matplotlib for --plots); qopt
itself does not. The whole procedure, dataset included, is
scripts/train-fidelity-model.sh; docs/Fidelity.md explains the model.
"""

import argparse
import json
import math
import os
import random
import sys
import time

import torch
from torch import nn

NODE_FEATURES = [
    "is_rz", "is_sx", "is_x", "is_cx", "is_ecr", "is_measure", "is_other_1q",
    "is_other_2q", "neg_log_fidelity", "duration_us", "q0_t1_rate_per_us", "q0_t2_rate_per_us",
    "q0_idle_us", "q0_idle_neg_log_fidelity", "q0_gate_relaxation",
    "q0_is_output", "q1_t1_rate_per_us", "q1_t2_rate_per_us", "q1_idle_us",
    "q1_idle_neg_log_fidelity", "q1_gate_relaxation", "q1_is_output",
    "readout_p0_given_1", "readout_p1_given_0", "start_fraction",
    "layer_fraction", "state_neg_log_fidelity", "q0_excited_population",
    "q1_excited_population", "operand_purity"]
GLOBAL_FEATURES = [
    "num_qubits", "depth", "num_rz", "num_1q", "num_2q", "num_measure",
    "schedule_us", "gates_neg_log", "readout_neg_log", "idle_neg_log",
    "esp_neg_log", "mean_t1_rate_per_us", "mean_t2_rate_per_us",
    "state_neg_log"]

# Standardized features are clipped, as LearnedFidelityModel.cpp does.
CLIP = 10.0
# The node feature a residual model corrects: each node's first-order share
# of -log F (its noise acting alone on the noiseless state).
BASELINE = "state_neg_log_fidelity"


def load(path):
    examples = []
    with open(path) as f:
        for line in f:
            record = json.loads(line)
            graph = record["graph"]
            examples.append({
                "nodes": torch.tensor(graph["nodes"], dtype=torch.float64)
                .reshape(-1, len(NODE_FEATURES)),
                "edges": torch.tensor(graph["edges"], dtype=torch.long)
                .reshape(-1, 2),
                "global": torch.tensor(graph["global"], dtype=torch.float64),
                "fidelity": record["state_fidelity"],
                "esp": record["esp"],
                "kind": record["kind"],
                "family": record.get("family"),
                "circuit": record.get("circuit"),
                "device": record["device"],
                "num_qubits": record["num_qubits"],
                "graph": graph,
            })
    return examples


class Batch:
    """Graphs concatenated: node rows, offset edges, node -> graph index."""

    def __init__(self, examples, norm):
        offsets, nodes, edges, owner = 0, [], [], []
        for i, e in enumerate(examples):
            nodes.append(e["nodes"])
            edges.append(e["edges"] + offsets)
            owner.append(torch.full((len(e["nodes"]),), i, dtype=torch.long))
            offsets += len(e["nodes"])
        raw = torch.cat(nodes)
        self.base = raw[:, NODE_FEATURES.index(BASELINE)]
        self.x = ((raw - norm["node_mean"]) /
                  norm["node_std"]).clamp(-CLIP, CLIP)
        self.edges = torch.cat(edges) if edges else torch.zeros(0, 2).long()
        self.owner = torch.cat(owner)
        self.g = ((torch.stack([e["global"] for e in examples]) -
                   norm["global_mean"]) / norm["global_std"]).clamp(-CLIP, CLIP)
        self.y = torch.tensor([e["fidelity"] for e in examples],
                              dtype=torch.float64)
        self.size = len(examples)

    def to(self, dtype):
        for name in ("x", "base", "g", "y"):
            setattr(self, name, getattr(self, name).to(dtype))
        return self


class MessageLayer(nn.Module):
    """h += relu(W_self h + W_fwd sum(preds) + W_bwd sum(succs) + b)."""

    def __init__(self, hidden):
        super().__init__()
        self.self_ = nn.Linear(hidden, hidden)
        self.forward_ = nn.Linear(hidden, hidden, bias=False)
        self.backward_ = nn.Linear(hidden, hidden, bias=False)

    def forward(self, h, edges):
        src, dst = edges[:, 0], edges[:, 1]
        preds = torch.zeros_like(h).index_add_(0, dst, h[src])
        succs = torch.zeros_like(h).index_add_(0, src, h[dst])
        return h + torch.relu(self.self_(h) + self.forward_(preds) +
                              self.backward_(succs))


class AttentionLayer(nn.Module):
    """Graph-transformer layer: softmax attention over each node, its
    predecessors and its successors (the adjacency as attention mask)."""

    def __init__(self, hidden):
        super().__init__()
        self.query = nn.Linear(hidden, hidden, bias=False)
        self.key = nn.Linear(hidden, hidden, bias=False)
        self.value = nn.Linear(hidden, hidden, bias=False)
        self.out = nn.Linear(hidden, hidden)
        self.scale = 1 / math.sqrt(hidden)

    def forward(self, h, edges):
        n = len(h)
        loops = torch.arange(n)
        src = torch.cat([edges[:, 0], edges[:, 1], loops])
        dst = torch.cat([edges[:, 1], edges[:, 0], loops])
        score = (self.query(h)[dst] * self.key(h)[src]).sum(1) * self.scale
        peak = torch.full((n,), -1e30, dtype=h.dtype).scatter_reduce(
            0, dst, score, reduce="amax")
        weight = torch.exp(score - peak[dst])
        total = torch.zeros(n, dtype=h.dtype).index_add_(0, dst, weight)
        alpha = (weight / total[dst]).unsqueeze(1)
        message = torch.zeros_like(h).index_add_(0, dst,
                                                 alpha * self.value(h)[src])
        return h + torch.relu(self.out(message))


class GraphModel(nn.Module):
    """-log F = sum over nodes of softplus(readout([h_v; e(global)])), or,
    residual, of the node's first-order share times exp(readout([h_v; e]))
    (a relative correction: an additive one summed over hundreds of nodes
    swings -log F too far per step to train)."""

    def __init__(self, hidden, layers, attention=False, residual=False):
        super().__init__()
        self.residual = residual
        self.input = nn.Linear(len(NODE_FEATURES), hidden)
        self.glob = nn.Linear(len(GLOBAL_FEATURES), hidden)
        layer = AttentionLayer if attention else MessageLayer
        self.layers = nn.ModuleList([layer(hidden) for _ in range(layers)])
        self.readout_hidden = nn.Linear(2 * hidden, hidden)
        self.readout_out = nn.Linear(hidden, 1)
        if residual:
            # Start from the first-order estimate itself.
            nn.init.zeros_(self.readout_out.weight)
            nn.init.zeros_(self.readout_out.bias)
        else:
            # Start near "each gate costs a little" rather than at F ~ 0.
            nn.init.constant_(self.readout_out.bias, -4.0)

    def forward(self, batch):
        h = torch.relu(self.input(batch.x))
        for layer in self.layers:
            h = layer(h, batch.edges)
        e = torch.relu(self.glob(batch.g))[batch.owner]
        r = torch.relu(self.readout_hidden(torch.cat([h, e], 1)))
        out = self.readout_out(r).squeeze(1)
        shares = batch.base * torch.exp(out) if self.residual else \
            nn.functional.softplus(out)
        neg_log = torch.zeros(batch.size, dtype=h.dtype).index_add_(
            0, batch.owner, shares)
        return torch.exp(-neg_log)


class GlobalModel(nn.Module):
    """No graph: an MLP on the whole-circuit features alone."""

    def __init__(self, hidden):
        super().__init__()
        self.mlp = nn.Sequential(
            nn.Linear(len(GLOBAL_FEATURES), hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, batch):
        return torch.exp(-nn.functional.softplus(self.mlp(batch.g)).squeeze(1))


def make_model(arch, hidden, layers):
    if arch == "mpnn":
        return GraphModel(hidden, layers, residual=True)
    if arch == "mpnn-direct":
        return GraphModel(hidden, layers)
    if arch == "attention":
        return GraphModel(hidden, layers, attention=True, residual=True)
    if arch == "nograph":
        return GraphModel(hidden, 0, residual=True)
    if arch == "global":
        return GlobalModel(hidden)
    raise ValueError(arch)


def first_order_estimate(example):
    """exp(-sum of the nodes' first-order shares): no learning."""
    base = example["nodes"][:, NODE_FEATURES.index(BASELINE)]
    return math.exp(-base.sum().item())


def normalization(train):
    nodes = torch.cat([e["nodes"] for e in train])
    glob = torch.stack([e["global"] for e in train])
    def std(t):
        s = t.std(0)
        return torch.where(s > 1e-9, s, torch.ones_like(s))
    return {"node_mean": nodes.mean(0), "node_std": std(nodes),
            "global_mean": glob.mean(0), "global_std": std(glob)}


def metrics(predicted, actual):
    p = torch.as_tensor(predicted, dtype=torch.float64)
    a = torch.as_tensor(actual, dtype=torch.float64)
    rmse = torch.sqrt(((p - a) ** 2).mean()).item()
    r2 = 1 - ((p - a) ** 2).sum().item() / ((a - a.mean()) ** 2).sum().item()
    def ranks(t):
        r = torch.empty_like(t)
        r[t.argsort()] = torch.arange(len(t), dtype=t.dtype)
        return r
    rp, ra = ranks(p), ranks(a)
    rp, ra = rp - rp.mean(), ra - ra.mean()
    spearman = ((rp * ra).sum() / torch.sqrt((rp ** 2).sum() *
                                             (ra ** 2).sum())).item()
    return {"rmse": rmse, "r2": r2, "spearman": spearman}


def predict(model, examples, norm, dtype=torch.float32, chunk=256):
    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(examples), chunk):
            batch = Batch(examples[i:i + chunk], norm).to(dtype)
            out.append(model(batch).double())
    return torch.cat(out)


def train(arch, train_set, valid_set, norm, args, epochs):
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    model = make_model(arch, args.hidden, args.layers)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs)
    batches = []
    order = list(range(len(train_set)))
    best, best_state = float("inf"), None
    for epoch in range(epochs):
        model.train()
        rng.shuffle(order)
        for i in range(0, len(order), args.batch):
            batch = Batch([train_set[j] for j in order[i:i + args.batch]],
                          norm).to(torch.float32)
            loss = ((model(batch) - batch.y) ** 2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()
        valid = metrics(predict(model, valid_set, norm),
                        [e["fidelity"] for e in valid_set])["rmse"]
        if valid < best:
            best = valid
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        if args.verbose:
            print(f"  {arch} epoch {epoch}: validation RMSE {valid:.4f}",
                  file=sys.stderr)
    model.load_state_dict(best_state)
    return model, best


def rows(t):
    return t.detach().double().tolist()


def export(model, norm, args, extra):
    layers = [{"self": rows(l.self_.weight), "forward": rows(l.forward_.weight),
               "backward": rows(l.backward_.weight), "bias": rows(l.self_.bias)}
              for l in model.layers]
    return {
        "format": "qopt-fidelity-model-v2",
        "architecture": "mpnn",
        # Each node's share of -log F is this raw feature times exp(readout).
        "baseline": BASELINE,
        "description": extra["description"],
        "hidden": args.hidden,
        "max_training_qubits": extra["max_training_qubits"],
        "node_features": NODE_FEATURES,
        "global_features": GLOBAL_FEATURES,
        "node_mean": rows(norm["node_mean"]),
        "node_std": rows(norm["node_std"]),
        "global_mean": rows(norm["global_mean"]),
        "global_std": rows(norm["global_std"]),
        "input": {"weight": rows(model.input.weight),
                  "bias": rows(model.input.bias)},
        "global": {"weight": rows(model.glob.weight),
                   "bias": rows(model.glob.bias)},
        "layers": layers,
        "readout_hidden": {"weight": rows(model.readout_hidden.weight),
                           "bias": rows(model.readout_hidden.bias)},
        "readout_out": {"weight": rows(model.readout_out.weight),
                        "bias": rows(model.readout_out.bias)},
        "training": extra["training"],
    }


def plot(path, title, sets):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    plt.rcParams["svg.hashsalt"] = "qopt"
    figure, axes = plt.subplots(1, len(sets), figsize=(5 * len(sets), 4.6))
    for ax, (name, actual, esp, learned) in zip(axes, sets):
        ax.plot([0, 1], [0, 1], color="0.6", lw=1)
        ax.scatter(actual, esp, s=7, alpha=0.5, label="ESP", color="#d95f02")
        ax.scatter(actual, learned, s=7, alpha=0.6, label="learned (MPNN)",
                   color="#1b9e77")
        ax.set_xlabel("simulated state fidelity (density matrix)")
        ax.set_ylabel("estimate")
        ax.set_title(name)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.legend(loc="upper left")
    figure.suptitle(title)
    figure.tight_layout()
    figure.savefig(path, metadata={"Date": None})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", required=True, nargs="+",
                        help="training JSON Lines files (concatenated)")
    parser.add_argument("--test-random", required=True,
                        help="held-out random circuits (read after training)")
    parser.add_argument("--test-algorithms", required=True,
                        help="held-out algorithm families (read after "
                        "training)")
    parser.add_argument("--out", required=True, help="model file to write")
    parser.add_argument("--reference", required=True,
                        help="reference predictions for the C++ test")
    parser.add_argument("--plot", help="SVG of predicted against simulated")
    parser.add_argument("--ablation", action="store_true",
                        help="also train attention, no-graph and global-only"
                        " models and print the comparison")
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--layers", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--ablation-epochs", type=int, default=10,
                        help="epochs of every model in the ablation")
    parser.add_argument("--ablation-architectures",
                        default="mpnn,mpnn-direct,attention,nograph,global",
                        help="the models the ablation trains")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)

    everything = [e for path in args.train for e in load(path)]
    trained_families = sorted({e["family"] for e in everything
                               if e["family"]})
    rng = random.Random(args.seed)
    rng.shuffle(everything)
    cut = len(everything) // 10
    valid_set, train_set = everything[:cut], everything[cut:]
    norm = normalization(train_set)

    # The shipped model, then (with --ablation) every architecture trained
    # the same way for --ablation-epochs, compared on the held-out sets.
    runs = [("mpnn", "mpnn", args.epochs)]
    if args.ablation:
        runs += [(f"{arch} ({args.ablation_epochs} epochs)", arch,
                  args.ablation_epochs)
                 for arch in args.ablation_architectures.split(",")]
    architectures = [label for label, _, _ in runs]
    results, models = {}, {}
    for label, arch, epochs in runs:
        start = time.time()
        model, valid_rmse = train(arch, train_set, valid_set, norm, args,
                                  epochs)
        models[label] = model
        results[label] = {"validation_rmse": valid_rmse,
                          "train_seconds": time.time() - start}
        print(f"{label}: {json.dumps(results[label])}", file=sys.stderr)

    # The test sets are read only now, so training can start while they are
    # still being generated.
    for path in (args.test_random, args.test_algorithms):
        waited = 0
        while not os.path.exists(path):
            if waited >= 3600:
                sys.exit(f"error: {path} did not appear within an hour")
            print(f"waiting for {path}", file=sys.stderr)
            time.sleep(30)
            waited += 30
    test_random = load(args.test_random)
    test_algorithms = load(args.test_algorithms)
    held_out = sorted({e["family"] for e in test_algorithms if e["family"]})
    assert not set(held_out) & set(trained_families), \
        "held-out families appear in the training set"
    tests = [("held-out random", test_random),
             ("held-out algorithm families", test_algorithms)]
    for label, model in models.items():
        for name, examples in tests:
            results[label][name] = metrics(
                predict(model, examples, norm),
                [e["fidelity"] for e in examples])
    esp = {name: metrics([e["esp"] for e in examples],
                         [e["fidelity"] for e in examples])
           for name, examples in tests}
    first_order = {name: metrics([first_order_estimate(e) for e in examples],
                                 [e["fidelity"] for e in examples])
                   for name, examples in tests}

    print("| estimator | set | RMSE | R^2 | Spearman |")
    print("|---|---|---|---|---|")
    for name, _ in tests:
        m = esp[name]
        print(f"| ESP | {name} | {m['rmse']:.4f} | {m['r2']:.4f} | "
              f"{m['spearman']:.3f} |")
        m = first_order[name]
        print(f"| first order (no learning) | {name} | {m['rmse']:.4f} | "
              f"{m['r2']:.4f} | {m['spearman']:.3f} |")
        for arch in architectures:
            m = results[arch][name]
            print(f"| {arch} | {name} | {m['rmse']:.4f} | {m['r2']:.4f} | "
                  f"{m['spearman']:.3f} |")

    model = models["mpnn"].double()
    training = {
        "examples": len(train_set), "validation_examples": len(valid_set),
        "trained_families": trained_families,
        "held_out_families": held_out,
        "hidden": args.hidden, "layers": args.layers,
        "epochs": args.epochs, "seed": args.seed,
        "esp": esp, "first_order": first_order, "results": results,
    }
    description = (
        f"message-passing network, {args.layers} layers of width "
        f"{args.hidden}, correcting each gate's first-order share of -log F, "
        f"trained on {len(train_set)} circuits against density-matrix state "
        f"fidelity")
    with open(args.out, "w") as f:
        json.dump(export(model, norm, args,
                         {"description": description, "training": training,
                          "max_training_qubits": max(
                              e["num_qubits"] for e in everything)}),
                  f, separators=(",", ":"))
        f.write("\n")

    # The smallest few examples of each test set, with the double-precision
    # prediction the C++ evaluation must reproduce.
    reference = []
    for _, examples in tests:
        small = sorted(examples, key=lambda e: len(e["nodes"]))[:3]
        small.append(sorted(examples, key=lambda e: len(e["nodes"]))[
            len(examples) // 4])
        predictions = predict(model, small, norm, dtype=torch.float64)
        for e, p in zip(small, predictions.tolist()):
            reference.append({"graph": e["graph"], "prediction": p})
    with open(args.reference, "w") as f:
        for record in reference:
            f.write(json.dumps(record, separators=(",", ":")) + "\n")

    if args.plot:
        sets = []
        for name, examples in tests:
            sets.append((name, [e["fidelity"] for e in examples],
                         [e["esp"] for e in examples],
                         predict(model, examples, norm,
                                 dtype=torch.float64).tolist()))
        plot(args.plot, "State fidelity: estimates against noisy simulation",
             sets)


if __name__ == "__main__":
    main()
