// A SQLite VFS shim for fault injection. It wraps the default VFS and, once
// armed, fails the Nth call of xWrite / xSync / xTruncate (counted over all files)
// with an I/O error or "disk full", once or from then on for good. Registered as
// the process's default VFS, so nd::Store (which opens by path) uses it without a
// change to the core. Disarmed, it passes every call through.
#pragma once

namespace ndrel::faultvfs {

enum class Error { IoErr, Full };

// Registers the shim as the default VFS (idempotent).
void install();
// From now on: count write/sync/truncate calls from 1 and fail call `n` (and every
// later one when `forever`). n = 0 disarms (counting only).
void arm(long n, bool forever, Error error);
void disarm();
// Calls counted since the last arm / disarm.
long calls();
// Calls failed since the last arm.
long failures();

}  // namespace ndrel::faultvfs
