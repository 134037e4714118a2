# Helpers shared by the project's libraries.
#
# Every qopt library links the shared libMLIR.so / libLLVM.so that Debian
# ships. Mixing those with the static libMLIR*.a archives would register
# command-line options twice and abort at start-up, so nothing here names a
# static MLIR component.

set(QOPT_EXPORTED_TARGETS "" CACHE INTERNAL "")

# qopt_add_library(name SOURCES... [DEPENDS tablegen-targets...] [LINK libs...])
function(qopt_add_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;LINK" ${ARGN})
  add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
  if(ARG_DEPENDS)
    add_dependencies(${name} ${ARG_DEPENDS})
  endif()
  target_link_libraries(${name} PUBLIC ${ARG_LINK} MLIR LLVM)
  target_include_directories(${name} PUBLIC
    $<INSTALL_INTERFACE:include>)
  set_property(GLOBAL APPEND PROPERTY QOPT_ALL_LIBS ${name})
  install(TARGETS ${name} EXPORT QOptTargets
          ARCHIVE DESTINATION lib LIBRARY DESTINATION lib)
endfunction()

# qopt_add_doc(td-file output-name generator-flags...)
# `ninja qopt-docs` regenerates docs/<output-name>.md in the source tree
# from ODS; the docs-up-to-date test fails when the committed copy is stale.
function(qopt_add_doc td_file out_name)
  set(LLVM_TARGET_DEFINITIONS ${td_file})
  tablegen(MLIR ${out_name}.md ${ARGN})
  set(gen "${CMAKE_CURRENT_BINARY_DIR}/${out_name}.md")
  set(dst "${QOPT_SOURCE_DIR}/docs/${out_name}.md")
  # Generated with every build so the docs-up-to-date test can compare.
  add_custom_target(qopt-docgen-${out_name} ALL DEPENDS ${gen})
  add_custom_target(qopt-doc-${out_name}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${gen} ${dst}
    DEPENDS ${gen})
  add_dependencies(qopt-docs qopt-doc-${out_name})
  set_property(GLOBAL APPEND PROPERTY QOPT_DOC_PAIRS "${gen}=${dst}")
endfunction()
