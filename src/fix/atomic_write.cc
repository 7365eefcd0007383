#include "fix/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace fulint {
namespace {

std::string Errno() { return std::strerror(errno); }

// Read-only as the user sees it: access(2) for an ordinary user; for root, whom access(2)
// always lets write, a file with no write bit at all (`chmod a-w`).
bool ReadOnly(const std::string& path, const struct stat& st) {
  if (geteuid() == 0) return (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0;
  return access(path.c_str(), W_OK) != 0;
}

bool ReadAll(const std::string& path, std::string* out) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  out->clear();
  char buf[1 << 16];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    out->append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return n == 0;
}

bool WriteAll(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool WriteFileAtomically(const std::string& path, const std::string& bytes, std::string* error,
                         const std::string* expected) {
  std::string target = path;
  struct stat st;
  if (lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    char resolved[PATH_MAX];
    if (!realpath(path.c_str(), resolved)) {
      *error = "cannot follow the symbolic link: " + Errno();
      return false;
    }
    target = resolved;
  }
  bool exists = stat(target.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) {
    *error = Errno();
    return false;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    *error = "not a regular file; left unchanged";
    return false;
  }
  if (exists && ReadOnly(target, st)) {
    *error = "the file is read-only (no write permission); left unchanged";
    return false;
  }
  size_t slash = target.rfind('/');
  std::string dir = slash == std::string::npos ? "." : target.substr(0, slash == 0 ? 1 : slash);
  std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  std::string tmp = (slash == std::string::npos ? "" : target.substr(0, slash + 1)) + "." +
                    base.substr(0, 100) + ".fulint-XXXXXX";
  int fd = mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot create a temporary file in '" + dir + "': " + Errno() + "; left unchanged";
    return false;
  }
  auto fail = [&](const std::string& what) {
    *error = what + ": " + Errno() + "; left unchanged";
    if (fd >= 0) close(fd);
    unlink(tmp.c_str());
    return false;
  };
  if (!WriteAll(fd, bytes)) return fail("cannot write the temporary file");
  mode_t mode;
  if (exists) {
    // Owner first: chown clears set-user-ID bits that fchmod then restores. Keeping the owner
    // needs privileges; keeping the group may work without; neither is required.
    if (fchown(fd, st.st_uid, st.st_gid) != 0 &&
        fchown(fd, static_cast<uid_t>(-1), st.st_gid) != 0) {
    }
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  if (fchmod(fd, mode) != 0) return fail("cannot set the permissions of the temporary file");
  if (fsync(fd) != 0) return fail("cannot sync the temporary file");
  int closing = fd;
  fd = -1;
  if (close(closing) != 0) return fail("cannot close the temporary file");
  if (expected) {
    std::string now;
    if (!ReadAll(target, &now) || now != *expected) {
      errno = 0;
      *error = "the file changed since it was read; left unchanged";
      unlink(tmp.c_str());
      return false;
    }
  }
  if (rename(tmp.c_str(), target.c_str()) != 0) return fail("cannot replace the file");
  int dir_fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    fsync(dir_fd);  // makes the rename durable; a failure here cannot be undone
    close(dir_fd);
  }
  return true;
}

}  // namespace fulint
