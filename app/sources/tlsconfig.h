#pragma once

#include "models/cluster/profile.h"

#include <QSslConfiguration>

#include <optional>

namespace Sources {

// The TLS settings of a profile as Qt applies them to every HTTPS request of that cluster: the
// system's CAs plus the profile's CA file (so a self-signed or private CA is trusted only when the
// user says so), an optional client certificate, and peer verification (off only for loopback,
// which Cluster::validate enforces). Returns nullopt with a sentence in *error when a file is unusable.
std::optional<QSslConfiguration> sslConfigurationFor(const Cluster::TlsOptions& tls, QString* error);

} // namespace Sources
