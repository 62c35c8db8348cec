# Generates a C++ source holding every schemas/NAME/VERSION.json as a string constant, so the
# binary needs no schema files at run time. Run at build time with -DSCHEMA_DIR= -DOUT=.
file(GLOB schemas RELATIVE "${SCHEMA_DIR}" "${SCHEMA_DIR}/*/*.json")
list(SORT schemas COMPARE NATURAL)
set(body "")
set(entries "")
foreach(file IN LISTS schemas)
  get_filename_component(dir "${file}" DIRECTORY)
  get_filename_component(version "${file}" NAME_WLE)
  file(READ "${SCHEMA_DIR}/${file}" text HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," text "${text}")
  string(MAKE_C_IDENTIFIER "${dir}_${version}" id)
  string(APPEND body "const char kSchema_${id}[] = {${text} 0};\n")
  list(APPEND entries "{\"kreport.${dir}\", \"${version}\", kSchema_${id}}")
endforeach()
list(JOIN entries ",\n    " table)
file(WRITE "${OUT}.tmp" "// Generated from schemas/ by cmake/embed_schemas.cmake. Do not edit.
#include \"kreport/validate.h\"

namespace kreport {
namespace {
${body}
}  // namespace

const std::vector<EmbeddedSchema>& embedded_schemas() {
  static const std::vector<EmbeddedSchema> all = {
    ${table}};
  return all;
}

}  // namespace kreport
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
