# Post-build step of the web page (cmake -P): copies the static files next to
# index.html and writes sw.js with a cache name that changes with the build.
#   -DSRC=web/ -DSITE=build-web/site -DFILES=nd-web.js,manifest.webmanifest,...
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
