# Embed the claim detectors' cue-word files (src/claims/lexicon/<language>.txt) in the claims library.
# Included from CMakeLists.txt: define the build step and set CLAIMTRACK_LEXICON_CPP to its output.
# Run with -P (OUT, FILES): write OUT, a C++ file returning each file's text by language name.
if(NOT CMAKE_SCRIPT_MODE_FILE)
  file(GLOB CLAIMTRACK_LEXICON_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/claims/lexicon/*.txt)
  list(SORT CLAIMTRACK_LEXICON_FILES)
  set(CLAIMTRACK_LEXICON_CPP ${CMAKE_BINARY_DIR}/generated/lexicon_data.cpp)
  add_custom_command(
    OUTPUT ${CLAIMTRACK_LEXICON_CPP}
    COMMAND ${CMAKE_COMMAND} -DOUT=${CLAIMTRACK_LEXICON_CPP} "-DFILES=${CLAIMTRACK_LEXICON_FILES}"
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_lexicon.cmake
    DEPENDS ${CLAIMTRACK_LEXICON_FILES} ${CMAKE_SOURCE_DIR}/cmake/embed_lexicon.cmake
    COMMENT "Embedding claim lexicons"
    VERBATIM)
  return()
endif()

set(_body "#include \"claims/lexicon.hpp\"\n\nnamespace claimtrack::claims::lexicon {\n\nstd::string_view embedded(std::string_view language) {\n")
foreach(_file IN LISTS FILES)
  get_filename_component(_name ${_file} NAME_WE)
  file(READ ${_file} _text)
  if(_text MATCHES "\\)ct_lexicon\"")
    message(FATAL_ERROR "${_file}: must not contain )ct_lexicon\"")
  endif()
  string(APPEND _body "    if (language == \"${_name}\") return R\"ct_lexicon(${_text})ct_lexicon\";\n")
endforeach()
string(APPEND _body "    return {};\n}\n\n}  // namespace claimtrack::claims::lexicon\n")
file(WRITE ${OUT}.tmp "${_body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
