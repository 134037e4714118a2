# lit configuration for qopt's FileCheck tests.

import os
import sys

import lit.formats
from lit.llvm import llvm_config

config.name = "qopt"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.qopt_binary_dir, "test")

# FileCheck, not and count live only in Debian's /usr/lib/llvm-19/bin.
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.qopt_tools_dir, append_path=True)
llvm_config.use_default_substitutions()

tools = ["qopt", "qopt-check", "qopt-translate", "qopt-dataset", "qopt-target-info",
         "qopt-difftest", "qopt-capi-test"]
llvm_config.add_tool_substitutions(tools, [config.qopt_tools_dir])
config.substitutions.append(("%qopt_src", config.qopt_source_dir))
# Checkers written in Python run with lit's own interpreter.
config.substitutions.append(("%python", sys.executable))

# Sanitized builds reserve terabytes of address space, so tests that bound
# memory with `ulimit -v` cannot run there.
if config.qopt_sanitizers.upper() in ("ON", "1", "TRUE", "YES"):
    config.available_features.add("sanitizers")
