#ifndef CIFRA_CPLATFORM_H
#define CIFRA_CPLATFORM_H

/// Atomically exchanges two paths (files or folders) on one file system: Linux renameat2 with
/// RENAME_EXCHANGE. Returns 0, or -1 with errno set (EINVAL where the file system lacks it).
int cifra_exchange_paths(const char *first, const char *second);

#endif
