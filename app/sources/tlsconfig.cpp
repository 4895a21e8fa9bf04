#include "app/sources/tlsconfig.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace Sources {

std::optional<QSslConfiguration> sslConfigurationFor(const Cluster::TlsOptions& tls, QString* error)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!tls.caFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(tls.caFile, QSsl::Pem);
        if (cas.isEmpty()) {
            *error = u"the CA file %1 holds no PEM certificate"_s.arg(tls.caFile);
            return std::nullopt;
        }
        config.addCaCertificates(cas);
    }
    if (!tls.clientCertFile.isEmpty()) {
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(tls.clientCertFile, QSsl::Pem);
        QFile keyFile(tls.clientKeyFile);
        if (certs.isEmpty()) {
            *error = u"the client certificate file %1 holds no PEM certificate"_s.arg(tls.clientCertFile);
            return std::nullopt;
        }
        if (!keyFile.open(QIODevice::ReadOnly)) {
            *error = u"cannot read the client key %1: %2"_s.arg(tls.clientKeyFile, keyFile.errorString());
            return std::nullopt;
        }
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
        if (key.isNull()) {
            *error = u"the client key %1 is not an unencrypted PEM RSA or EC key"_s.arg(tls.clientKeyFile);
            return std::nullopt;
        }
        config.setLocalCertificate(certs.first());
        config.setPrivateKey(key);
    }
    if (!tls.verifyPeer)
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

} // namespace Sources
