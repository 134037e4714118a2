//===- CompileCommand.h - `qopt compile` ------------------------*- C++ -*-===//

#ifndef QOPT_TOOLS_QOPT_COMPILECOMMAND_H
#define QOPT_TOOLS_QOPT_COMPILECOMMAND_H

namespace qopt {

/// Runs `qopt compile ...` (argv[1] is "compile"); returns the exit status.
int runCompileCommand(int argc, char **argv);

} // namespace qopt

#endif // QOPT_TOOLS_QOPT_COMPILECOMMAND_H
