# Finds DuckDB's C API: DUCKDB_ROOT/include/duckdb.h and DUCKDB_ROOT/lib/libduckdb.so (or
# duckdb.lib/duckdb.dll on Windows), the layout of DuckDB's own release zip. scripts/setup.sh
# assembles it under .deps/duckdb on Debian.
set(DUCKDB_ROOT "${DUCKDB_ROOT}" CACHE PATH "Folder with include/duckdb.h and lib/libduckdb")
if(NOT DUCKDB_ROOT)
  set(DUCKDB_ROOT "${CMAKE_SOURCE_DIR}/.deps/duckdb")
endif()
find_path(DuckDB_INCLUDE_DIR duckdb.h PATHS "${DUCKDB_ROOT}/include" "${DUCKDB_ROOT}" NO_DEFAULT_PATH)
find_library(DuckDB_LIBRARY NAMES duckdb PATHS "${DUCKDB_ROOT}/lib" "${DUCKDB_ROOT}" NO_DEFAULT_PATH)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(DuckDB REQUIRED_VARS DuckDB_LIBRARY DuckDB_INCLUDE_DIR)
if(DuckDB_FOUND AND NOT TARGET DuckDB::duckdb)
  add_library(DuckDB::duckdb SHARED IMPORTED)
  set_target_properties(DuckDB::duckdb PROPERTIES
    IMPORTED_LOCATION "${DuckDB_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${DuckDB_INCLUDE_DIR}")
endif()
