//===- Passes.td - qopt's passes ---------------------------*- tablegen -*-===//

#ifndef QOPT_TRANSFORMS_PASSES_TD
#define QOPT_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AttachTarget : Pass<"attach-target", "mlir::ModuleOp"> {
  let summary = "Record the device a module is compiled for";
  let description = [{
    Loads a device target and records it on the module as
    `qgate.target = #qgate.target<...>` (name, qubit count, calibration date,
    content hash, source). `qopt --target=<spec>` runs this pass first.

    The spec is a shipped target's name (`montreal`), a directory holding an
    IBM `conf_*.json` and `props_*.json` (and optionally `defs_*.json`), or a
    compact `qopt-target-v1` JSON file, so lit tests can point at a fixture:
    `qopt %s --target=%S/Inputs/line5.json`.

    The pass fails if the target does not load or if the circuit uses device
    qubits the target lacks, or needs more qubits than the device has.

    Before:
    ```mlir
    module { func.func @f() { %q = qgate.physical 3 ... } }
    ```
    After `--attach-target=target=line5.json`:
    ```mlir
    module attributes {qgate.target = #qgate.target<name = "line5",
        num_qubits = 5, calibration_date = "synthetic",
        content_hash = "sha256:...", source = "line5.json">} { ... }
    ```
  }];
  let options = [
    Option<"targetSpec", "target", "std::string", /*default=*/"\"montreal\"",
           "Shipped target name, IBM device directory, or compact JSON file">,
  ];
  let statistics = [
    Statistic<"numTargetQubits", "target-qubits",
              "Qubits of the attached target">,
  ];
}

def ToTargetBasis : Pass<"to-target-basis", "mlir::ModuleOp"> {
  let summary = "Translate every gate into the target's basis gates";
  let description = [{
    Rewrites each gate into the basis of the module's target (see
    `attach-target`), or into the basis given by the `basis` option:
    `{rz, sx, x, cx}` for most IBM devices and `{rz, sx, x, ecr}` for Eagle
    devices such as sherbrooke. The result equals the input up to global
    phase.

    1. Multi-qubit gates become CX plus one-qubit gates, by their standard
       definitions (the qelib1.inc bodies: ccx uses 6 CX, swap 3, cp 2, ...).
    2. Each CX becomes the native two-qubit gate. On physical qubits the
       coupling direction is respected: a CX against a one-way coupler is
       turned around with Hadamards, and on an ECR device CX(c, t) is
       `ECR(c, t)` followed by `s; x` on the control and `s; h; s` on the
       target (or the reversed-ECR form when only (t, c) is coupled).
    3. Each remaining one-qubit gate becomes `rz` and `sx` (and `x`): its
       ZYZ Euler angles (theta, phi, lambda) give
       `rz(lambda) sx rz(theta + pi) sx rz(phi + pi)`, with one `sx` when
       theta = pi/2, an `x` when theta = pi, and a single `rz` when theta = 0.
       Symbolic angles stay symbolic (arith ops compute the rz angles).

    Before:
    ```mlir
    %a1, %b1 = qgate.cz %a, %b
    ```
    After (basis rz, sx, x, cx):
    ```mlir
    %b1 = qgate.rz(%pi_2) %b
    %b2 = qgate.sx %b1
    %b3 = qgate.rz(%pi_2) %b2
    %a1, %b4 = qgate.cx %a, %b3
    ...
    ```
  }];
  let options = [
    ListOption<"basisGates", "basis", "std::string",
               "Basis gates; defaults to the module target's basis">,
  ];
  let statistics = [
    Statistic<"numTranslated", "gates-translated",
              "Gates that were not in the basis">,
    Statistic<"numReversed", "cx-reversed",
              "Two-qubit gates turned around for a one-way coupler">,
  ];
}

def FuseSingleQubitRuns : Pass<"fuse-1q", "mlir::ModuleOp"> {
  let summary = "Fuse each run of one-qubit gates into one Euler rotation";
  let description = [{
    A maximal run of one-qubit gates with constant angles on one wire is
    multiplied out and re-synthesized, when that is cheaper:

    - for a device whose basis has `rz` and `sx` (the module's target, or the
      `basis` option), as the shortest `rz`/`sx`/`x` sequence
      (`rz sx rz sx rz`, `rz sx rz`, `rz x rz` or a single `rz`); the cost is
      the number of `sx`/`x` pulses, since `rz` is a virtual frame change;
    - otherwise as one `u(theta, phi, lambda)` (ZYZ Euler angles), or
      nothing when the run is the identity up to global phase.

    The result equals the input up to global phase. Runs stop at symbolic
    angles, multi-qubit gates, measurements, resets and barriers.

    Before (on a device with basis rz, sx, x, cx):
    ```mlir
    %1 = qgate.sx %0
    %2 = qgate.sx %1
    %3 = qgate.sx %2
    ```
    After: `sx sx sx` is sx-dagger, one pulse instead of three:
    ```mlir
    %1 = qgate.rz(%a) %0
    %2 = qgate.sx %1
    %3 = qgate.rz(%b) %2
    ```
  }];
  let options = [
    ListOption<"basisGates", "basis", "std::string",
               "Basis to synthesize into; defaults to the module target's">,
  ];
  let statistics = [
    Statistic<"numRunsFused", "runs-fused", "Runs replaced">,
    Statistic<"numGatesRemoved", "gates-removed",
              "Gates removed in total">,
  ];
}

def ResynthesizeTwoQubitBlocks : Pass<"resynth-2q", "mlir::ModuleOp"> {
  let summary = "Re-synthesize two-qubit blocks with the fewest CX (KAK)";
  let description = [{
    A block starts at a two-qubit gate and takes every later gate that acts
    only on the same two wires: one-qubit gates in between and further
    two-qubit gates on the pair, in either order of the wires, up to the last
    such two-qubit gate. All angles must be constant. The block's 4x4
    unitary is split by the KAK (Cartan) decomposition,
    `U = (A0 (x) A1) exp(i (a XX + b YY + c ZZ)) (B0 (x) B1)`, whose
    coordinates give the fewest CX any circuit for U needs (0 to 3). When
    that is fewer than the block's two-qubit gates, the block becomes a
    circuit of that many CX and one-qubit gates, equal to it up to global
    phase (the synthesized circuit is multiplied out and compared before it
    is used).

    One-qubit gates come out as `rz`/`sx`/`x` sequences when the basis (the
    module's target, or the `basis` option) has `rz` and `sx`, and as `u`
    otherwise; `fuse-1q` afterwards merges them with their neighbours. When
    the wires are device qubits, every CX points along a usable coupler if
    either direction has one. A basis whose two-qubit gate is not `cx`
    (`ecr` on sherbrooke) is left alone, with a remark.

    Before: four alternating CX, a SWAP followed by a CX, a block that
    needs only two:
    ```mlir
    %a1, %b1 = qgate.cx %a, %b
    %b2, %a2 = qgate.cx %b1, %a1
    %a3, %b3 = qgate.cx %a2, %b2
    %b4, %a4 = qgate.cx %b3, %a3
    ```
    After, with `basis=rz,sx,x,cx` (constants elided):
    ```mlir
    %0 = qgate.sx %a
    %1 = qgate.rz(%pi) %b
    %2 = qgate.sx %1
    %3 = qgate.rz(%half_pi) %2
    %a1, %b1 = qgate.cx %0, %3
    %4 = qgate.rz(%pi) %a1
    %5 = qgate.sx %4
    %6 = qgate.rz(%pi) %5
    %7 = qgate.rz(%half_pi) %b1
    %a2, %b2 = qgate.cx %6, %7
    %8 = qgate.rz(%minus_half_pi) %a2
    %9 = qgate.sx %b2
    %10 = qgate.rz(%half_pi) %9
    ```
  }];
  let options = [
    ListOption<"basisGates", "basis", "std::string",
               "Basis to synthesize into; defaults to the module target's">,
  ];
  let statistics = [
    Statistic<"numBlocksResynthesized", "blocks-resynthesized",
              "Blocks replaced">,
    Statistic<"numTwoQubitGatesRemoved", "two-qubit-gates-removed",
              "Two-qubit gates removed in total">,
  ];
}

def Layout : Pass<"layout", "mlir::ModuleOp"> {
  let summary = "Place each virtual qubit on a device qubit";
  let description = [{
    Chooses where every `qgate.alloc` of each circuit function starts on the
    module's target and replaces it by `qgate.physical`, recording the
    choice as `qgate.initial_layout` and `qgate.final_layout` (equal until
    `route` inserts SWAPs), the contract `qopt-check --up-to-layout` reads.
    Two-qubit gates may still join uncoupled qubits afterwards; `route`
    fixes that.

    Strategies (`strategy=`):
    - `trivial`: virtual qubit i on device qubit i.
    - `user`: the device qubits in `qubits=`, one per virtual qubit.
    - `sabre`: SABRE's bidirectional search. From `trials` seeded starting
      placements on a connected region, route forward, take the final
      layout, route the reversed circuit from there, `rounds` times; keep
      the layout whose last forward routing adds the fewest SWAPs.
    - `noise-adaptive` (default, QuantumNAS-style): a VF2-style search for
      placements that need no SWAP (the circuit's interaction graph inside
      the coupling graph), visiting at most `search-budget` partial
      placements, scored by the calibrated cost
      `C = sum over two-qubit gates of -log(1 - e_coupler)
         + sum over non-diagonal one-qubit gates of -log(1 - e_sx(q))
         + sum over measurements of -log(1 - e_readout(q))`,
      so that exp(-C) is the estimated success probability (ESP) and a
      qubit's cost weighs in as often as the circuit uses it. Qubits with no
      two-qubit gate, and circuits with none at all, take the best qubits
      left. When no placement avoids SWAPs, the SABRE search runs with
      noise-aware routing (see `route`) from a greedy noise-aware start and
      the other seeded starts, and the layout whose routing needs the fewest
      SWAPs wins, the highest routed ESP breaking ties.

    A circuit wider than the device, or than its largest connected region
    when it needs routing, is an error. Circuits already on device qubits
    are left as they are.

    Before (on a device where 0-1 is a poor coupler and 1-2 a good one):
    ```mlir
    %a = qgate.alloc
    %b = qgate.alloc
    %a1, %b1 = qgate.cx %a, %b
    ```
    After:
    ```mlir
    func.func @f() attributes {qgate.final_layout = array<i64: 2, 1>,
                               qgate.initial_layout = array<i64: 2, 1>} {
      %0 = qgate.physical 2
      %1 = qgate.physical 1
      %c, %t = qgate.cx %0, %1
    ```
  }];
  let options = [
    Option<"strategy", "strategy", "std::string", /*default=*/"\"noise-adaptive\"",
           "trivial, user, sabre or noise-adaptive">,
    ListOption<"qubits", "qubits", "unsigned",
               "strategy=user: the device qubit of each virtual qubit">,
    Option<"seed", "seed", "uint64_t", /*default=*/"20261127",
           "Seed of the SABRE search's placements and tie-breaking">,
    Option<"trials", "trials", "unsigned", /*default=*/"32",
           "SABRE search: starting placements">,
    Option<"rounds", "rounds", "unsigned", /*default=*/"4",
           "SABRE search: forward-backward rounds per placement">,
    Option<"searchBudget", "search-budget", "unsigned", /*default=*/"200000",
           "Zero-SWAP search: partial placements visited at most">,
    Option<"searchWindow", "search-window", "unsigned", /*default=*/"1000",
           "SABRE search: route only the circuit up to its this-many-th "
           "two-qubit gate">,
  ];
  let statistics = [
    Statistic<"numPerfect", "zero-swap-layouts",
              "Circuits placed without needing a SWAP">,
  ];
}

def Route : Pass<"route", "mlir::ModuleOp"> {
  let summary = "Insert SWAPs so that every two-qubit gate is on a coupler";
  let description = [{
    Routes each circuit function that `layout` placed on device qubits with
    a LightSABRE-class router. Dependencies know commutation: on each qubit
    a gate is `Z` (commutes with Z there), `X` or neither, and a gate waits
    only for the previous run of another kind, so commuting gates (CX onto
    one target, diagonal gates) may run in any order. The front layer F
    holds the gates whose predecessors have run; gates of F that can run do, and otherwise every
    SWAP on a coupler touching a qubit of a two-qubit gate in F is scored
    with the layout pi after it:

    `H = max(decay_a, decay_b) * (sum_{g in F} D(pi(g)) / |F|
                                  + W * sum_{g in E} D(pi(g)) / |E|)
         + N * 0.01 * 3 * c(a, b) / c_mean / |F|`

    E is the extended set, the next `lookahead` two-qubit gates, W is
    `lookahead-weight`, and decay grows by `decay` for each swapped qubit,
    resetting every 5 SWAPs and when a gate runs. D is the hop distance; in
    `noise-aware` mode (default) it is the mean of the hop distance and the
    least summed coupler cost c = -log(1 - e) along a path over the mean
    coupler cost c_mean, so routes avoid bad couplers where a good one is
    near while every SWAP still has to make progress; N = 1 (else 0) lets
    the SWAP's own three gates decide between equally good SWAPs and veto
    terrible couplers. The lowest H wins, ties by a seeded
    random choice; after 10 x (device qubits) SWAPs without progress the
    release valve walks the closest pair of F together along a shortest
    path. Of `trials` runs the one with the fewest SWAPs is kept, in
    noise-aware mode the one with the highest ESP of the whole routed
    circuit among those.

    Unused device qubits may be routed through; broken couplers are never
    used; SWAPs are `qgate.swap` on device qubits in either direction,
    which `to-target-basis` turns into the device's gates and directions.
    `qgate.final_layout` records where each logical qubit ends. A remark
    reports the SWAPs added, the depth (layers of gates, a SWAP counting as
    three, barriers as none) and the ESP (the product of 1 - error over the
    routed circuit's gates and readouts, as in `layout`).

    Before (device line 0-1-2):
    ```mlir
    %a1, %c1 = qgate.cx %p0, %p2
    ```
    After:
    ```mlir
    %p1a, %p2a = qgate.swap %p1, %p2
    %a1, %c1 = qgate.cx %p0, %p1a
    ```
    with `qgate.final_layout = array<i64: 0, 2, 1>`.
  }];
  let options = [
    Option<"seed", "seed", "uint64_t", /*default=*/"20261127",
           "Seed of the trials' tie-breaking">,
    Option<"trials", "trials", "unsigned", /*default=*/"32",
           "Routing trials; the best is kept">,
    Option<"lookahead", "lookahead", "unsigned", /*default=*/"20",
           "Two-qubit gates in the extended set">,
    Option<"lookaheadWeight", "lookahead-weight", "double", /*default=*/"0.5",
           "Weight W of the extended set">,
    Option<"decay", "decay", "double", /*default=*/"0.001",
           "Decay increment per swapped qubit">,
    Option<"noiseAware", "noise-aware", "bool", /*default=*/"true",
           "Weigh distances by calibrated coupler error">,
    Option<"method", "method", "std::string", /*default=*/"\"sabre\"",
           "sabre, or shortest-path: the baseline that runs gates in program "
           "order and walks each uncoupled pair together along a shortest "
           "path">,
  ];
  let statistics = [
    Statistic<"numSwaps", "swaps-added", "SWAPs inserted">,
  ];
}

def PostLayout : Pass<"post-layout", "mlir::ModuleOp"> {
  let summary = "Move a routed circuit to better calibrated device qubits";
  let description = [{
    After routing, every two-qubit gate (SWAPs included) is on a coupler.
    The same circuit runs unchanged on any other set of device qubits whose
    couplers contain the circuit's interaction graph; this pass searches
    those placements (the zero-SWAP search of `layout`) and moves the
    circuit to the one with the lowest calibrated cost C (see `layout`) when
    it is lower than the current one, renumbering every `qgate.physical`
    and both layout attributes. Like Qiskit's VF2PostLayout, it fixes
    placements that routing made without the calibration in view.
  }];
  let options = [
    Option<"searchBudget", "search-budget", "unsigned", /*default=*/"200000",
           "Partial placements visited at most">,
  ];
  let statistics = [
    Statistic<"numMoved", "circuits-moved", "Circuits moved">,
  ];
}

def BindParams : Pass<"bind-params", "mlir::ModuleOp"> {
  let summary = "Replace circuit parameters by trained values";
  let description = [{
    Reads a JSON object mapping parameter names to numbers and replaces each
    named `f64` argument of every circuit function by an `arith.constant`,
    removing the argument. A parameter is named by its `qgate.param` argument
    attribute, or else `argN` for argument N. Unknown names, non-finite
    values and (with `require-all`) parameters left unbound are errors.

    Before:
    ```mlir
    func.func @ansatz(%q: !qgate.qubit, %t: f64 {qgate.param = "theta"}) {
      %q1 = qgate.ry(%t) %q
    ```
    After `--bind-params=values=trained.json` with `{"theta": 0.25}`:
    ```mlir
    func.func @ansatz(%q: !qgate.qubit) {
      %cst = arith.constant 2.500000e-01 : f64
      %q1 = qgate.ry(%cst) %q
    ```
  }];
  let options = [
    Option<"valuesFile", "values", "std::string", /*default=*/"",
           "JSON file mapping parameter names to values">,
    Option<"requireAll", "require-all", "bool", /*default=*/"false",
           "Fail if a parameter has no value">,
  ];
  let statistics = [
    Statistic<"numBound", "params-bound", "Parameters replaced">,
  ];
}

def PruneGates : Pass<"prune-gates", "mlir::ModuleOp"> {
  let summary = "Remove rotations close to the identity";
  let description = [{
    Removes gates whose constant angles put them near the identity, in one of
    two modes:

    - `tolerance=eps`: every rotation whose angle is within `eps` of an
      identity angle, modulo its period (2*pi for rx, ry, rz, p, rxx, ryy,
      rzz and cp; 4*pi for crx, cry and crz, which only return to the identity
      after 4*pi). `tolerance=0` is exact: only angles that are identity angles
      to the last bit are removed, and the unitary is unchanged up to global
      phase.
    - `ratio=r` (QuantumNAS): the fraction `r` of parameterized gates closest
      to the identity, by the metric below.
    - `fidelity-aware`: on a circuit over the target's physical qubits, a
      parameterized gate is removed when what it costs on the device exceeds
      what dropping it costs. Both are average gate infidelities, the unit
      of IBM's gate_error: the device cost of a gate is the calibrated error
      of the pulses it needs on those qubits (an rz is free; other one-qubit
      gates need one or two sx; two-qubit gates their CX count of the
      native gate's error), and the cost of dropping gate G on d dimensions
      is `1 - (|Tr G|^2 + d) / (d (d + 1))`. Removing such a gate raises the
      expected fidelity.

    The metric, used everywhere in qopt: the distance of a gate U from the
    identity is `min over phi of ||U - e^{i phi} I||` in operator norm, which
    for an angle-theta rotation is `2 |sin(theta / 4)|` (theta wrapped into
    its period). By the triangle inequality the pruned circuit is within the
    sum of the removed gates' distances of the original, and the pass
    reports that sum as a remark on each function.

    Before `--prune-gates=tolerance=0.01`:
    ```mlir
    %q1 = qgate.rx(%small) %q0   // %small = 0.004
    %q2 = qgate.ry(%big) %q1     // %big = 1.2
    ```
    After:
    ```mlir
    %q2 = qgate.ry(%big) %q0
    ```
  }];
  let options = [
    Option<"tolerance", "tolerance", "double", /*default=*/"-1",
           "Remove rotations within this angle of an identity angle">,
    Option<"ratio", "ratio", "double", /*default=*/"-1",
           "Remove this fraction of the parameterized gates, closest first">,
    Option<"fidelityAware", "fidelity-aware", "bool", /*default=*/"false",
           "Remove a gate when its device error exceeds the error of "
           "dropping it (needs a target and physical qubits)">,
    Option<"onlyMapped", "only-mapped", "bool", /*default=*/"false",
           "Fidelity-aware: leave gates on virtual qubits, and modules "
           "without a target, alone instead of failing (as -O3 runs it)">,
  ];
  let statistics = [
    Statistic<"numPruned", "gates-pruned", "Gates removed">,
  ];
}

def CommuteCancel : Pass<"commute-cancel", "mlir::ModuleOp"> {
  let summary = "Cancel and merge gates through the gates they commute with";
  let description = [{
    Canonicalization only sees gates that are adjacent on their wires. This
    pass looks further: for each gate A it walks forward along A's wires
    past every gate that commutes with A, and if it meets A's inverse on the
    same wires it removes both; if it meets another rotation of A's kind on
    the same wires it merges the two angles into the later one. So `rz`
    cancels through the control of a `cx`, `x` through its target, and two
    `cx` sharing a control cancel around it.

    Commutation is decided exactly: both gates' matrices on the union of
    their wires must commute (to 1e-12); for symbolic angles, only gates
    that are both diagonal are known to commute. The result equals the input
    up to global phase.

    Before:
    ```mlir
    %a1 = qgate.rz(%t) %a0
    %a2, %b1 = qgate.cx %a1, %b0
    %a3 = qgate.rz(%mt) %a2        // %mt = -%t
    ```
    After:
    ```mlir
    %a2, %b1 = qgate.cx %a0, %b0
    ```
  }];
  let options = [
    Option<"maxLookahead", "max-lookahead", "unsigned", /*default=*/"32",
           "Gates to walk past before giving up on a gate">,
  ];
  let statistics = [
    Statistic<"numCancelled", "pairs-cancelled", "Inverse pairs removed">,
    Statistic<"numMerged", "rotations-merged", "Rotations merged">,
  ];
}

def DropFinalDiagonal : Pass<"drop-final-diagonal", "mlir::ModuleOp"> {
  let summary = "Remove diagonal gates whose qubits are measured next";
  let description = [{
    A diagonal gate (rz, z, s, t, p, cz, crz, cp, rzz, ...) only changes
    phases of basis states; if every qubit it acts on is measured right
    after it, no outcome can show it, so it is removed (repeatedly, so a
    chain of them goes). The unitary changes; the measurement statistics do
    not. Check with `qopt-check --ignore-final-phases`.

    Before:
    ```mlir
    %q1 = qgate.rz(%t) %q0
    %q2, %bit = qgate.measure %q1
    ```
    After:
    ```mlir
    %q2, %bit = qgate.measure %q0
    ```
  }];
  let statistics = [
    Statistic<"numDropped", "gates-dropped", "Diagonal gates removed">,
  ];
}

def LowerToPulse : Pass<"lower-to-pulse", "mlir::ModuleOp"> {
  let summary = "Lower target-basis gates to the target's calibrated pulses";
  let description = [{
    Converts each circuit function on device qubits into a `pulse.schedule`
    built from the target's calibrated gate schedules (`cmd_def` in IBM's
    `defs_*.json`). It is a dialect conversion: afterwards no `qgate` op and
    no circuit `func.func` remains.

    - Every gate becomes its calibrated sequence on the qubits it acts on:
      `x`, `sx`, `cx` (or `ecr`), and `u`/`p` as IBM's `u3`/`u1`. Plays
      become waveform constructors plus `pulse.play`; frame changes (`fc`)
      become `pulse.shift_phase`; `shiftf`/`setf`/`setp` become frequency and
      phase updates. Parametric phases such as `-(P0)` are evaluated on the
      gate's angle operands, so a symbolic angle stays symbolic.
    - `rz` is a virtual Z: `shift_phase -theta` on the qubit's drive channel
      and on every control channel the calibration shifts with it.
    - `id` is a `pulse.delay` of the calibrated identity's length.
    - `measure` is the readout stimulus on `m<i>` and a `pulse.capture` on
      `a<i>` yielding the bit (IBM's measure schedules acquire every qubit;
      only the measured qubit is captured).
    - `qgate.barrier` becomes a `pulse.barrier` on the qubits' drive channels.

    Timing is by program order per channel (see the pulse dialect). Each
    gate's sequence is fenced by `pulse.barrier`s on the channels it uses and
    its qubits' drive channels, with `pulse.delay`s where the calibration
    leaves a channel idle, so `schedule-pulses` reproduces every calibrated
    sequence's internal timing exactly and keeps each qubit's gates in
    circuit order.

    It fails, naming the gate and qubits, on a gate with no calibration on
    its qubits (run `to-target-basis` first), and on virtual qubits, qubit
    arguments, resets and classically conditioned gates.

    Before (belem):
    ```mlir
    %q0 = qgate.physical 0
    %q1 = qgate.sx %q0
    %q2, %bit = qgate.measure %q1
    ```
    After:
    ```mlir
    pulse.schedule @f() -> i1 attributes {dt = 0.2222222222222222 : f64} {
      %d0 = pulse.channel d0
      %w = pulse.drag(%amp, %angle, %sigma, %beta) : !pulse.waveform<160>
      pulse.play %d0, %w : !pulse.drive, !pulse.waveform<160>
      ...
      %bit = pulse.capture %a0, 22400 : !pulse.acquire
      pulse.return %bit : i1
    }
    ```
  }];
  let dependentDialects = ["::qopt::pulse::PulseDialect",
                           "::mlir::arith::ArithDialect"];
  let statistics = [
    Statistic<"numGatesLowered", "gates-lowered", "Gates lowered to pulses">,
    Statistic<"numPlays", "plays", "pulse.play operations emitted">,
  ];
}

def SchedulePulses : Pass<"schedule-pulses", "mlir::ModuleOp"> {
  let summary = "Give every pulse operation its start time";
  let description = [{
    Assigns each timed operation of each `pulse.schedule` a start time and
    the schedule its `duration`, in dt. Operations on a channel keep their
    program order and never overlap, and a `pulse.barrier` starts once all
    its channels are free; the verifier re-checks all of it.

    - `asap`: each operation starts as soon as its channels are free.
    - `alap`: each operation starts as late as the operations after it
      allow (computed backward from the end), so idle time moves to the
      start, just before the qubits are first driven, and readouts line up
      at the end.

    A remark gives the duration in dt and ns (with the schedule's `dt`) and
    each channel's utilization (busy time over duration).

    Before:
    ```mlir
    pulse.play %d0, %x : !pulse.drive, !pulse.waveform<160>
    pulse.play %d0, %x : !pulse.drive, !pulse.waveform<160>
    ```
    After:
    ```mlir
    pulse.schedule @f() attributes {duration = 320 : i64} {
      pulse.play %d0, %x at 0 : !pulse.drive, !pulse.waveform<160>
      pulse.play %d0, %x at 160 : !pulse.drive, !pulse.waveform<160>
    ```
  }];
  let options = [
    Option<"policy", "policy", "std::string", /*default=*/"\"asap\"",
           "asap or alap">,
  ];
  let statistics = [
    Statistic<"totalDurationDt", "duration-dt",
              "Summed schedule durations in dt">,
  ];
}

def NativePulseAnsatz : Pass<"native-pulse-ansatz", "mlir::ModuleOp"> {
  let summary = "Lower a variational circuit to a native-pulse ansatz (NAPA)";
  let description = [{
    Lowers a parameterized circuit on device qubits to a `pulse.schedule`
    whose trainable parameters are pulse amplitudes rather than gate angles,
    as in NAPA (Liang et al., 2022): the device's native pulses are the
    ansatz, so no gate is decomposed into several calibrated pulses.

    - Each `rx(theta)` / `ry(theta)` becomes one DRAG pulse with the shape
      (duration, sigma, beta) of the qubit's calibrated `x` pulse, at the
      x pulse's angle (`rx`) or that angle plus pi/2 (`ry`, as IBM's u2
      does), and a new amplitude argument. Initial value:
      `amp = amp_x * theta / pi`, the amplitude that rotates by theta in the
      linear regime, so training starts at the gate circuit.
    - With `detuning`, each such pulse also gets a frequency-detuning
      argument (GHz, initial 0): `shift_frequency` by it before the pulse
      and back after.
    - Each `cx(c, t)` becomes one cross-resonance `gaussian_square` on the
      control channel of the calibrated `cx` or `ecr` of the pair (either
      direction), instead of the echoed sequence with its single-qubit
      corrections. Its flat top is `entangler-width-scale` times the
      calibrated one (rise and fall kept), and its amplitude is a new
      argument with initial value the calibrated CR amplitude scaled up by
      the ratio of envelope areas, so the initial pulse drives the same
      ZX rotation as one calibrated CR half in less time. Where that
      amplitude would exceed `max-entangler-amplitude`, the flat top is
      widened just enough to stay within it.
    - `rz` stays a virtual Z, and every other gate gets its calibrated
      schedule, as in `lower-to-pulse`.

    The new arguments follow the circuit's own, and each carries a
    `pulse.ansatz` dictionary: `role` (`drag_amplitude`,
    `drag_detuning` or `cr_amplitude`), `qubits`, and `initial` when it is
    known (a constant angle), or `scale` and `angle_argument` (the
    circuit argument theta it replaces, `initial = scale * theta`).

    A remark gives the schedule's ASAP duration against lowering the same
    circuit gate by gate (`to-target-basis`, `lower-to-pulse`,
    `schedule-pulses`) and the number of pulse parameters.

    Before:
    ```mlir
    func.func @ansatz(%t0: f64) {
      %q0 = qgate.physical 0
      %q1 = qgate.physical 1
      %a = qgate.ry(%t0) %q0
      %b, %c = qgate.cx %a, %q1
      return
    }
    ```
    After:
    ```mlir
    pulse.schedule @ansatz(%t0: f64,
        %amp0: f64 {pulse.ansatz = {angle_argument = 0 : i64,
                    qubits = [0], role = "drag_amplitude", scale = 0.0765}},
        %amp1: f64 {pulse.ansatz = {initial = 0.0853, qubits = [0, 1],
                    role = "cr_amplitude"}}) {
      %w = pulse.drag(%amp0, %angle, %sigma, %beta) : !pulse.waveform<160>
      pulse.play %d0, %w : !pulse.drive, !pulse.waveform<160>
      %cr = pulse.gaussian_square(%amp1, ...) : !pulse.waveform<588>
      pulse.play %u1, %cr : !pulse.control, !pulse.waveform<588>
      ...
    }
    ```
  }];
  let dependentDialects = ["::qopt::pulse::PulseDialect",
                           "::mlir::arith::ArithDialect"];
  let options = [
    Option<"entanglerWidthScale", "entangler-width-scale", "double",
           /*default=*/"0.25",
           "Flat-top width of the native CR pulse relative to the "
           "calibrated CR half, in (0, 1]">,
    Option<"maxEntanglerAmplitude", "max-entangler-amplitude", "double",
           /*default=*/"0.9",
           "Largest initial CR amplitude; longer pulses where needed">,
    Option<"detuning", "detuning", "bool", /*default=*/"false",
           "Also train a frequency detuning per single-qubit pulse">,
  ];
  let statistics = [
    Statistic<"numPulseParameters", "pulse-parameters",
              "Trainable pulse parameters created">,
  ];
}

def FidelityReport : Pass<"fidelity-report", "mlir::ModuleOp"> {
  let summary = "Estimate how well each circuit will run on the target";
  let description = [{
    Queries `FidelityAnalysis` for every circuit function on device qubits
    and reports the estimates as a remark and as a `qopt.fidelity`
    dictionary attribute on the function, so FileCheck and later tools can
    read them. The IR is otherwise unchanged.

    - `esp`: the estimated success probability: the product over gates of
      (1 - calibrated gate error), over measured qubits of
      (1 - readout error), and over the idle windows of an ASAP schedule of
      calibrated gate durations of the average fidelity of thermal
      relaxation (T1, T2) over the window. Virtual `rz` is free.
    - `simulate`: noisy simulation under the target's noise model (each
      gate's thermal relaxation over its duration and the depolarizing part
      of its calibrated error, idle relaxation, readout confusion): the
      state fidelity to the noiseless output, QuEst's PST (the circuit and
      its inverse, then the probability of reading all zeros) and the
      Hellinger fidelity of the measured distribution. Exact with a density
      matrix up to `density-matrix-max-qubits`, Monte-Carlo trajectories
      (`shots`, `seed`) with standard errors above.
    - `learned`: the shipped QuEst-style graph model
      (`models/fidelity-mpnn.json`, compiled in; `model=<file>` loads
      another): a message-passing network over the gate DAG with each
      gate's calibration as features, trained against the density-matrix
      state fidelity. Costs about as much as ESP and tracks simulation
      much more closely (docs/Fidelity.md has the accuracy).
    - `auto` (the default): ESP and the learned estimate, and simulation
      when the circuit uses at most `auto-simulate-max-qubits` (10) device
      qubits and its gates times 4^qubits (the density matrix's work) is
      at most `auto-simulate-max-work` (2e7), where it takes well under a
      second; larger circuits are reported as not simulated instead of
      taking seconds to minutes (a 209-gate circuit on 10 qubits takes
      12 s).
    - `all`: all three, whatever the size.

    The circuit must be on device qubits and, except for virtual `rz`, in
    gates the target calibrates (run it after `--target=<device> -O1` or
    `to-target-basis`); otherwise the pass reports why and fails.

    Example (`qopt bell.mlir --target=belem -O1 --fidelity-report`):
    ```
    remark: fidelity-report: @bell on belem: ESP 0.9344; learned 0.9866;
            density-matrix simulation of 2 qubit(s): state fidelity 0.9866,
            PST 0.9616, Hellinger fidelity 0.9400
    ```
  }];
  let options = [
    Option<"estimator", "estimator", "std::string", /*default=*/"\"auto\"",
           "auto, esp, simulate, learned or all">,
    Option<"autoSimulateMaxQubits", "auto-simulate-max-qubits", "unsigned",
           /*default=*/"10",
           "Widest circuit the auto estimator also simulates">,
    Option<"autoSimulateMaxWork", "auto-simulate-max-work", "double",
           /*default=*/"2e7",
           "Largest gates x 4^qubits (a density matrix's cost) the auto "
           "estimator also simulates">,
    Option<"modelPath", "model", "std::string", /*default=*/"\"\"",
           "Learned model file (default: the shipped one)">,
    Option<"densityMatrixMaxQubits", "density-matrix-max-qubits", "unsigned",
           /*default=*/"13",
           "Largest circuit simulated exactly with a density matrix">,
    Option<"shots", "shots", "unsigned", /*default=*/"400",
           "Trajectories above the density-matrix limit">,
    Option<"seed", "seed", "uint64_t", /*default=*/"1",
           "Random seed of the trajectories">,
  ];
  let statistics = [
    Statistic<"numReported", "circuits-reported",
              "Circuit functions with an estimate">,
  ];
}

#endif // QOPT_TRANSFORMS_PASSES_TD
