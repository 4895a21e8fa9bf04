// HTTPS sources: a self-signed certificate is refused with a message that says what to do, and
// trusted once the profile names it as CA. The peer is a local QSslServer with a certificate made
// by openssl for this run (a real Patroni with TLS is not part of the lab).
#include "app/sources/patronipoller.h"
#include "app/sources/tlsconfig.h"
#include "models/cluster/clusterstore.h"

#include "app/sources/httpfetch.h"
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray body = "{\"members\": [{\"name\": \"patroni1\", \"role\": \"leader\", \"state\": \"running\", "
                        "\"host\": \"127.0.0.1\", \"port\": 5441, \"timeline\": 1}]}";

class HttpsServer : public QSslServer {
public:
    HttpsServer(const QString& certFile, const QString& keyFile)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate::fromPath(certFile).value(0));
        QFile key(keyFile);
        key.open(QIODevice::ReadOnly);
        config.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        setSslConfiguration(config);
        connect(this, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (auto* s = qobject_cast<QSslSocket*>(nextPendingConnection())) {
                connect(s, &QSslSocket::readyRead, s, [s] {
                    if (!s->readAll().contains("\r\n\r\n"))
                        return;
                    s->write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    s->disconnectFromHost();
                });
                connect(s, &QSslSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        QVERIFY(listen(QHostAddress::LocalHost, 0));
    }
    QUrl url() const { return QUrl(u"https://127.0.0.1:%1"_s.arg(serverPort())); }
};

} // namespace

class TestTls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void selfSignedIsRefusedWithAdvice();
    void trustedWhenTheProfileNamesTheCa();
    void unusableCaFileIsReported();

private:
    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
};

void TestTls::initTestCase()
{
    QVERIFY(QSslSocket::supportsSsl());
    m_cert = m_dir.filePath(u"cert.pem"_s);
    m_key = m_dir.filePath(u"key.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s,
        { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, m_key, u"-out"_s, m_cert,
            u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s });
    QVERIFY(openssl.waitForFinished(30000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
}

void TestTls::selfSignedIsRefusedWithAdvice()
{
    HttpsServer server(m_cert, m_key);
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, { server.url() });
    poller.setPollMembers(false);
    QSignalSpy finished(&poller, &Sources::PatroniPoller::pollFinished);
    poller.pollNow();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(store.lastError().code, Cluster::SourceError::Code::TlsError);
    const QString text = Cluster::describe(store.lastError());
    QVERIFY2(text.contains(u"self-signed"_s) && text.contains(u"set a CA file in the cluster's settings"_s),
        qPrintable(text));
}

void TestTls::trustedWhenTheProfileNamesTheCa()
{
    HttpsServer server(m_cert, m_key);
    Cluster::TlsOptions tls;
    tls.caFile = m_cert;
    QString error;
    const auto ssl = Sources::sslConfigurationFor(tls, &error);
    QVERIFY2(ssl, qPrintable(error));
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, { server.url() });
    poller.setPollMembers(false);
    poller.setSslConfiguration(*ssl);
    QSignalSpy finished(&poller, &Sources::PatroniPoller::pollFinished);
    poller.pollNow();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(!store.isStale(), qPrintable(Cluster::describe(store.lastError())));
    QCOMPARE(store.leader(), u"patroni1"_s);
}

void TestTls::unusableCaFileIsReported()
{
    Cluster::TlsOptions tls;
    tls.caFile = m_dir.filePath(u"missing.pem"_s);
    QString error;
    QVERIFY(!Sources::sslConfigurationFor(tls, &error));
    QVERIFY2(error.contains(u"holds no PEM certificate"_s), qPrintable(error));
    tls.caFile = m_cert;
    tls.clientCertFile = m_cert;
    tls.clientKeyFile = m_dir.filePath(u"nope.key"_s);
    QVERIFY(!Sources::sslConfigurationFor(tls, &error));
    QVERIFY2(error.startsWith(u"cannot read the client key"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
