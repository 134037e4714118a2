/*===- c_consumer.c - embedding qopt from C -------------------------------===*\
|*                                                                            *|
|* Maps a Bell-pair program onto belem through qopt's C API and prints its   *|
|* estimated success probability.                                             *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "qopt-c/QOpt.h"

#include "mlir-c/IR.h"

#include <stdio.h>

static const char *kBell = "OPENQASM 2.0;\n"
                           "include \"qelib1.inc\";\n"
                           "qreg q[2];\n"
                           "creg c[2];\n"
                           "h q[0];\n"
                           "cx q[0], q[1];\n"
                           "measure q -> c;\n";

int main(void) {
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  qoptRegisterAllDialects(registry);
  MlirContext context = mlirContextCreateWithRegistry(registry, false);
  mlirDialectRegistryDestroy(registry);
  qoptRegisterAllPasses();
  MlirModule module =
      qoptImportOpenQasm(context, mlirStringRefCreateFromCString(kBell),
                         mlirStringRefCreateFromCString("bell.qasm"));
  if (mlirModuleIsNull(module))
    return 1;
  MlirLogicalResult mapped = qoptRunPipeline(
      module, mlirStringRefCreateFromCString(
                  "attach-target{target=belem},to-target-basis,layout,route,"
                  "post-layout,to-target-basis,qopt-O2"));
  if (mlirLogicalResultIsFailure(mapped))
    return 1;
  double esp =
      qoptEstimateFidelity(module, mlirStringRefCreateFromCString("esp"));
  printf("C API: bell on belem, ESP %s\n",
         esp > 0 && esp < 1 ? "in (0, 1)" : "out of range");
  mlirModuleDestroy(module);
  mlirContextDestroy(context);
  return esp > 0 && esp < 1 ? 0 : 1;
}
