// File input and atomic output. Reading stdin into memory is what lets `cat r.pdf | kreport
// extract -` hand poppler the same bytes the path form would.
#include "kreport/files.h"

#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "kreport/error.h"

namespace kreport {

namespace {

Error too_large(const std::string& path, long long max_bytes) {
  return Error(Errc::too_large,
               "input is over the limit of " + std::to_string(max_bytes) + " bytes (--max-size)",
               path);
}

}  // namespace

std::string read_input(const std::string& path, long long max_bytes) {
  std::string data;
  char buf[1 << 16];
  if (path == "-") {
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      data.append(buf, static_cast<size_t>(std::cin.gcount()));
      if (max_bytes > 0 && static_cast<long long>(data.size()) > max_bytes)
        throw too_large(path, max_bytes);
    }
    if (std::cin.bad()) throw Error(Errc::io, "cannot read standard input", "-");
    return data;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Errc::io, std::string("cannot open: ") + std::strerror(errno), path);
  in.seekg(0, std::ios::end);
  long long size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (max_bytes > 0 && size > max_bytes) throw too_large(path, max_bytes);
  if (size > 0) data.reserve(static_cast<size_t>(size));
  while (in.read(buf, sizeof buf) || in.gcount() > 0)
    data.append(buf, static_cast<size_t>(in.gcount()));
  if (in.bad()) throw Error(Errc::io, std::string("cannot read: ") + std::strerror(errno), path);
  return data;
}

void write_file_atomic(const std::string& path, const std::string& data) {
  std::string tmp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      throw Error(Errc::output, std::string("cannot write: ") + std::strerror(errno), path);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    std::remove(tmp.c_str());
    throw Error(Errc::output, std::string("cannot rename into place: ") + std::strerror(err), path);
  }
}

}  // namespace kreport
