# The web app: Dear ImGui (GLFW + OpenGL3/WebGL2 backends) on the core, built with Emscripten.

if(NOT EXISTS "${PIPEBOARD_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui not found in ${PIPEBOARD_IMGUI_DIR}: run shell/setup")
endif()

add_library(imgui STATIC
  "${PIPEBOARD_IMGUI_DIR}/imgui.cpp"
  "${PIPEBOARD_IMGUI_DIR}/imgui_draw.cpp"
  "${PIPEBOARD_IMGUI_DIR}/imgui_tables.cpp"
  "${PIPEBOARD_IMGUI_DIR}/imgui_widgets.cpp"
  "${PIPEBOARD_IMGUI_DIR}/backends/imgui_impl_glfw.cpp"
  "${PIPEBOARD_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${PIPEBOARD_IMGUI_DIR}" "${PIPEBOARD_IMGUI_DIR}/backends")
# Widgets and tables for size (see pipeboard_app below); the core and the draw lists, which every
# frame's text and shapes go through, keep -O3.
set_source_files_properties("${PIPEBOARD_IMGUI_DIR}/imgui_widgets.cpp" "${PIPEBOARD_IMGUI_DIR}/imgui_tables.cpp"
  "${PIPEBOARD_IMGUI_DIR}/backends/imgui_impl_glfw.cpp" "${PIPEBOARD_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp"
  PROPERTIES COMPILE_OPTIONS ${PIPEBOARD_WASM_SIZE_OPT})
# No demo window, no ini file on disk, no obsolete APIs.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS
                                        IMGUI_DISABLE_DEBUG_TOOLS)

# The UI font: Noto Sans from Debian, cut down to the letters of every European language written
# in Latin script, Vietnamese and Pinyin, plus punctuation, currency signs, arrows and the shapes
# the UI draws with: 23 KB gzip instead of 38. No layout tables: ImGui neither shapes nor kerns.
# Keep in step with kRanges in src/ui/theme.cpp.
set(PIPEBOARD_FONT_UNICODES "U+0020-007E,U+00A0-017F,U+018F,U+0192,U+01A0-01B0,U+01CD-01DC,U+0218-021B,U+0259,U+1E80-1E85,U+1E9E,U+1EA0-1EF9,U+2000-206F,U+20A0-20CF,U+2190-21FF,U+2212,U+2713,U+2715,U+25A0-25FF")
set(PIPEBOARD_FONT_SUBSET "${CMAKE_BINARY_DIR}/assets/fonts/ui.ttf")
add_custom_command(
  OUTPUT "${PIPEBOARD_FONT_SUBSET}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/assets/fonts"
  COMMAND pyftsubset "${PIPEBOARD_FONT}" --output-file=${PIPEBOARD_FONT_SUBSET}
          "--unicodes=${PIPEBOARD_FONT_UNICODES}"
          --no-hinting --layout-features= --drop-tables+=GPOS,GSUB,GDEF,kern,DSIG
  DEPENDS "${PIPEBOARD_FONT}"
  COMMENT "Subsetting the UI font")
add_custom_target(pipeboard_font DEPENDS "${PIPEBOARD_FONT_SUBSET}")

file(GLOB PIPEBOARD_UI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/ui/*.cpp")
file(GLOB PIPEBOARD_APP_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/app/*.cpp")
file(GLOB PIPEBOARD_JS_LIBRARIES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/lib_*.js")
file(GLOB PIPEBOARD_TEMPLATES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/templates/*.json"
  "${CMAKE_SOURCE_DIR}/assets/tours/*.json")

add_executable(pipeboard_app ${PIPEBOARD_UI_SOURCES} ${PIPEBOARD_APP_SOURCES})
add_dependencies(pipeboard_app pipeboard_font)
target_include_directories(pipeboard_app PRIVATE "${CMAKE_SOURCE_DIR}/src")
target_link_libraries(pipeboard_app PRIVATE pipeboard_core imgui)
# The views and the main loop are optimized for size: they are most of the code but not where the
# time goes (the core's reader, queries and commands; see CMakeLists.txt for which core files are
# -Os too). Keeps the download within the 600 KB budget (gzip .wasm + .js).
target_compile_options(pipeboard_app PRIVATE ${PIPEBOARD_WASM_SIZE_OPT})
set_target_properties(pipeboard_app PROPERTIES
  OUTPUT_NAME "index" SUFFIX ".html" RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/app")

# Licence keys are checked against this public key (base64url of the raw P-256 point; see
# tools/mint-licence.mjs). The default is the test key pair's, for tests: a release sets its own.
file(READ "${CMAKE_SOURCE_DIR}/tests/keys/licence-public.txt" PIPEBOARD_TEST_LICENCE_KEY)
string(STRIP "${PIPEBOARD_TEST_LICENCE_KEY}" PIPEBOARD_TEST_LICENCE_KEY)
set(PIPEBOARD_LICENCE_PUBLIC_KEY "${PIPEBOARD_TEST_LICENCE_KEY}" CACHE STRING
    "Public key licence keys are checked against: base64url of the 65-byte uncompressed P-256 point")
if(NOT PIPEBOARD_LICENCE_PUBLIC_KEY MATCHES "^[A-Za-z0-9_-]+$")
  message(FATAL_ERROR "PIPEBOARD_LICENCE_PUBLIC_KEY must be base64url (tools/mint-licence.mjs --public-key)")
endif()
target_compile_definitions(pipeboard_app PRIVATE PIPEBOARD_LICENCE_PUBLIC_KEY="${PIPEBOARD_LICENCE_PUBLIC_KEY}")

set(js_library_flags "")
foreach(lib ${PIPEBOARD_JS_LIBRARIES})
  list(APPEND js_library_flags "SHELL:--js-library \"${lib}\"")
endforeach()
# -Oz after the build type's -O3: the last level given wins, and the app's link (wasm-opt) is for
# size; the speed-critical code was compiled -O3 and keeps that (see pb_core_library).
target_link_options(pipeboard_app PRIVATE -Oz
  -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sINITIAL_MEMORY=64MB
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free,_pb_api_export_workspace,_pb_api_import_workspace,_pb_api_dispatch,_pb_api_undo,_pb_api_redo,_pb_api_state,_pb_api_item_rect,_pb_api_frame_stats,_pb_api_reset_frame_stats,_pb_api_load_demo,_pb_on_text,_pb_on_shortcut,_pb_api_flush,_pb_storage_load_records,_pb_storage_load_deals,_pb_storage_loaded,_pb_storage_unavailable,_pb_storage_closed,_pb_storage_committed,_pb_storage_external,_pb_storage_info,_pb_storage_page_hidden,_pb_import_text,_pb_import_failed,_pb_share_link_done,_pb_api_preview_import,_pb_api_open_import,_pb_api_template_json,_pb_api_report,_pb_api_set_now,_pb_licence_verified
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8,HEAPF64,HEAP32
  -sENVIRONMENT=web -sMINIFY_HTML=0
  "SHELL:--shell-file \"${CMAKE_SOURCE_DIR}/web/shell.html\""
  "SHELL:--post-js \"${CMAKE_SOURCE_DIR}/web/api.js\""
  ${js_library_flags}
  "SHELL:--embed-file \"${PIPEBOARD_FONT_SUBSET}@/fonts/ui.ttf\""
  "SHELL:--embed-file \"${CMAKE_SOURCE_DIR}/assets/templates@/templates\""
  "SHELL:--embed-file \"${CMAKE_SOURCE_DIR}/assets/tours@/tours\"")
set_property(TARGET pipeboard_app APPEND PROPERTY LINK_DEPENDS
  "${CMAKE_SOURCE_DIR}/web/shell.html" "${CMAKE_SOURCE_DIR}/web/api.js" ${PIPEBOARD_JS_LIBRARIES} ${PIPEBOARD_TEMPLATES})

# Static files served beside the app.
add_custom_command(TARGET pipeboard_app POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/web/static" "${CMAKE_BINARY_DIR}/app")
