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

std::string read_input(const std::string& path) {
  if (path == "-") {
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    if (std::cin.bad()) throw Error(Errc::io, "cannot read standard input", "-");
    return buf.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Errc::io, std::string("cannot open: ") + std::strerror(errno), path);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
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
