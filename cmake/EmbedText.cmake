# cmake -DINPUT=<file> -DOUTPUT=<file.inc> -DNAME=<identifier> -P EmbedText.cmake
# Writes `constexpr llvm::StringLiteral NAME = R"...(<file contents>)...";`
# so a data file (the shipped fidelity model) is compiled into the library.
file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}.tmp"
  "constexpr llvm::StringLiteral ${NAME} = R\"qopt_embed(${content})qopt_embed\";\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
