# Every user-visible string that goes through tr() has a German translation: lupdate is run over the
# sources (as the console_ui_lupdate target does) into a copy of translations/console_de.ts, and the copy must hold no new, unfinished or
# vanished entry. cmake -DLUPDATE=… -DSOURCE_DIR=… -DWORK_DIR=… -DPROJECT_CMAKE=… -DGENERATOR=… -P translations_complete.cmake
file(MAKE_DIRECTORY "${WORK_DIR}")
set(copy "${WORK_DIR}/console_de.ts")
configure_file("${SOURCE_DIR}/translations/console_de.ts" "${copy}" COPYONLY)
# The same project description qt_add_lupdate writes (sources with their include paths, so that
# lupdate finds the same contexts), read into a JSON file here as the console_ui_lupdate target does.
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_CMAKE} -DOUT_FILE=${WORK_DIR}/project.json
                        -P "${GENERATOR}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "could not write the lupdate project from ${PROJECT_CMAKE}")
endif()
execute_process(COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" -no-obsolete -locations none
                        -ts "${copy}"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc}): ${err}")
endif()
file(READ "${copy}" ts)
string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${ts}")
list(LENGTH unfinished n)
string(REGEX MATCH "Found [0-9]+ source text\\(s\\) \\([0-9]+ new" found "${out}")
message(STATUS "lupdate: ${found}; unfinished: ${n}")
if(NOT found MATCHES "\\(0 new")
    message(FATAL_ERROR "new strings are not in translations/console_de.ts: run "
                        "`cmake --build --preset dev --target console_ui_lupdate` and translate them (${found})")
endif()
if(n GREATER 0)
    string(REGEX MATCHALL "<source>[^<]*</source>\n[ ]*<translation type=\"unfinished\"" missing "${ts}")
    message(FATAL_ERROR "${n} string(s) without a German translation:\n${missing}")
endif()
