# Post-build step of the web page (cmake -P): copies the static files next to
# index.html and writes sw.js with a cache name that changes with the build.
#   -DSRC=assets/web/ -DSITE=build-web/site -DFILES=nd-web.js,manifest.webmanifest,...
string(REPLACE "," ";" FILES "${FILES}")
foreach(f ${FILES} icon-192.png icon-512.png)
  file(COPY_FILE "${SRC}/${f}" "${SITE}/${f}" ONLY_IF_DIFFERENT)
endforeach()
set(hashes "")
foreach(f index.html index.js index.wasm index.data ${FILES})
  file(SHA256 "${SITE}/${f}" h)
  string(APPEND hashes "${h}")
endforeach()
string(SHA256 ND_WEB_BUILD "${hashes}")
string(SUBSTRING "${ND_WEB_BUILD}" 0 12 ND_WEB_BUILD)
configure_file("${SRC}/sw.js.in" "${SITE}/sw.js" @ONLY)

# Precompressed copies beside the files (tools/web-test/serve.mjs, or any server
# set up for it, sends them to browsers that accept them): brotli and gzip.
find_program(ND_BROTLI brotli)
find_program(ND_GZIP gzip)
foreach(f index.html index.js index.wasm index.data nd-web.js sw.js manifest.webmanifest icon.svg)
  if(ND_BROTLI)
    execute_process(COMMAND "${ND_BROTLI}" -f -q 11 -o "${SITE}/${f}.br" "${SITE}/${f}")
  endif()
  if(ND_GZIP)
    execute_process(COMMAND "${ND_GZIP}" -9 -n -f -k "${SITE}/${f}")
  endif()
endforeach()
