//===- OutputFile.cpp - outputs never left half written ------------------===//

#include "qopt/Driver/OutputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

static LogicalResult cannotWrite(llvm::StringRef path, std::error_code code,
                                 std::string &error) {
  error = ("cannot write '" + path + "': " + code.message()).str();
  return failure();
}

LogicalResult qopt::driver::writeOutputFile(llvm::StringRef path,
                                            llvm::StringRef text,
                                            std::string &error) {
  if (path == "-") {
    llvm::outs() << text;
    llvm::outs().flush();
    return success();
  }
  // Devices, pipes and other special files (/dev/null, /dev/stdout) are
  // written through: renaming over them would replace them.
  llvm::sys::fs::file_status status;
  if (!llvm::sys::fs::status(path, status) &&
      status.type() != llvm::sys::fs::file_type::regular_file) {
    std::error_code code;
    llvm::raw_fd_ostream os(path, code);
    if (!code) {
      os << text;
      os.close();
      code = os.error();
      os.clear_error();
    }
    return code ? cannotWrite(path, code, error) : success();
  }
  llvm::SmallString<256> temporary;
  int fd;
  if (std::error_code code =
          llvm::sys::fs::createUniqueFile(path + ".tmp-%%%%%%", fd, temporary))
    return cannotWrite(path, code, error);
  std::error_code code;
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << text;
    os.close();
    code = os.error();
    os.clear_error();
  }
  if (!code)
    code = llvm::sys::fs::rename(temporary, path);
  if (code) {
    llvm::sys::fs::remove(temporary);
    return cannotWrite(path, code, error);
  }
  return success();
}
