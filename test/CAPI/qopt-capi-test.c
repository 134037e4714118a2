/*===- qopt-capi-test.c - qopt's C API, used from C
------------------------===*\
|*                                                                            *|
|* qopt-capi-test INPUT.qasm OUTPUT.mlir OUTPUT_DIR: imports the program,     *|
|* maps and optimizes it for belem through a named pipeline, prints its *|
|* fidelity estimates, writes the module for qopt-check, compiles the file *|
|* with the whole default pipeline, then shows that each error reaches the *|
|* diagnostic handler. *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "qopt-c/QOpt.h"

#include "mlir-c/Diagnostics.h"
#include "mlir-c/IR.h"

#include <stdio.h>
#include <stdlib.h>

static void printToFile(MlirStringRef text, void *file) {
  fwrite(text.data, 1, text.length, (FILE *)file);
}

static MlirLogicalResult printDiagnostic(MlirDiagnostic diagnostic,
                                         void *userData) {
  (void)userData;
  printf("diagnostic at ");
  mlirLocationPrint(mlirDiagnosticGetLocation(diagnostic), printToFile, stdout);
  printf(": ");
  mlirDiagnosticPrint(diagnostic, printToFile, stdout);
  printf("\n");
  return mlirLogicalResultSuccess();
}

static MlirStringRef str(const char *text) {
  return mlirStringRefCreateFromCString(text);
}

static char *readFile(const char *path) {
  FILE *file = fopen(path, "rb");
  if (!file)
    return NULL;
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  fseek(file, 0, SEEK_SET);
  char *text = malloc(size + 1);
  if (fread(text, 1, size, file) != (size_t)size) {
    fclose(file);
    free(text);
    return NULL;
  }
  text[size] = '\0';
  fclose(file);
  return text;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s INPUT.qasm OUTPUT.mlir OUTPUT_DIR\n", argv[0]);
    return 2;
  }
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  qoptRegisterAllDialects(registry);
  MlirContext context = mlirContextCreateWithRegistry(registry, false);
  mlirDialectRegistryDestroy(registry);
  qoptRegisterAllPasses();
  mlirContextAttachDiagnosticHandler(context, printDiagnostic, NULL, NULL);

  printf("belem: %u qubits\n", qoptTargetGetNumQubits(context, str("belem")));

  char *source = readFile(argv[1]);
  if (!source)
    return 1;
  MlirModule module = qoptImportOpenQasm(context, str(source), str(argv[1]));
  free(source);
  if (mlirModuleIsNull(module))
    return 1;
  MlirLogicalResult mapped = qoptRunPipeline(
      module, str("attach-target{target=belem},to-target-basis,layout,route,"
                  "post-layout,to-target-basis,qopt-O2"));
  printf("pipeline: %s\n",
         mlirLogicalResultIsSuccess(mapped) ? "success" : "failure");
  const char *estimators[] = {"esp", "learned", "simulate"};
  for (int i = 0; i < 3; ++i)
    printf("%s: %.4f\n", estimators[i],
           qoptEstimateFidelity(module, str(estimators[i])));
  FILE *output = fopen(argv[2], "w");
  if (!output)
    return 1;
  mlirOperationPrint(mlirModuleGetOperation(module), printToFile, output);
  fclose(output);

  MlirLogicalResult compiled =
      qoptCompileFile(context, str(argv[1]), str(argv[3]), str("belem"), 3);
  printf("compile: %s\n",
         mlirLogicalResultIsSuccess(compiled) ? "success" : "failure");

  /* Errors reach the handler, with the input's location where there is one. */
  printf("unknown pass: %s\n", mlirLogicalResultIsSuccess(
                                   qoptRunPipeline(module, str("no-such-pass")))
                                   ? "success"
                                   : "failure");
  printf("bad estimator: %.1f\n", qoptEstimateFidelity(module, str("guess")));
  printf("unknown target: %u qubits\n",
         qoptTargetGetNumQubits(context, str("no-such-device")));
  MlirModule broken =
      qoptImportOpenQasm(context, str("OPENQASM 2.0;\nqreg q[1];\nfoo q[0];\n"),
                         str("broken.qasm"));
  printf("broken import: %s\n", mlirModuleIsNull(broken) ? "null" : "module");

  mlirModuleDestroy(module);
  mlirContextDestroy(context);
  return 0;
}
