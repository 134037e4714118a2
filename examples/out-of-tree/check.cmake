# Installs qopt into a scratch prefix, builds the out-of-tree consumer against
# it, and runs it. Invoked by ctest with -DQOPT_BUILD_DIR, -DCONSUMER_SRC,
# -DWORK_DIR, -DCXX and -DCC.
file(REMOVE_RECURSE "${WORK_DIR}")
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "command failed (${rc}): ${ARGN}\n${out}")
  endif()
  set(LAST_OUTPUT "${out}" PARENT_SCOPE)
endfunction()
run(${CMAKE_COMMAND} --install "${QOPT_BUILD_DIR}" --prefix "${WORK_DIR}/prefix")
run(${CMAKE_COMMAND} -G Ninja -S "${CONSUMER_SRC}" -B "${WORK_DIR}/build"
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_C_COMPILER=${CC}
    -DCMAKE_BUILD_TYPE=Release
    "-DQOpt_DIR=${WORK_DIR}/prefix/lib/cmake/QOpt")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run("${WORK_DIR}/build/qopt-consumer")
if(NOT LAST_OUTPUT MATCHES "qgate.h 2x2\nqgate.cx 4x4\ngates after canonicalize: 2")
  message(FATAL_ERROR "unexpected consumer output:\n${LAST_OUTPUT}")
endif()
message(STATUS "out-of-tree consumer:\n${LAST_OUTPUT}")
run("${WORK_DIR}/build/qopt-c-consumer")
if(NOT LAST_OUTPUT MATCHES "C API: bell on belem, ESP in \\(0, 1\\)")
  message(FATAL_ERROR "unexpected C consumer output:\n${LAST_OUTPUT}")
endif()
message(STATUS "out-of-tree C consumer:\n${LAST_OUTPUT}")
