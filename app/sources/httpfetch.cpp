#include "app/sources/httpfetch.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>
#include <QTimer>

using namespace Qt::StringLiterals;
using Cluster::SourceError;

namespace Sources {

namespace {

    // Why the reply was abandoned by us, as opposed to the network failing on its own.
    enum class Abandoned { No, Deadline, TooLarge };

    SourceError::Code codeFor(QNetworkReply::NetworkError e)
    {
        switch (e) {
        case QNetworkReply::ConnectionRefusedError:
            return SourceError::Code::ConnectionRefused;
        case QNetworkReply::HostNotFoundError:
            return SourceError::Code::HostNotFound;
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
            return SourceError::Code::Timeout;
        case QNetworkReply::RemoteHostClosedError:
            return SourceError::Code::ConnectionReset;
        case QNetworkReply::SslHandshakeFailedError:
            return SourceError::Code::TlsError;
        case QNetworkReply::AuthenticationRequiredError:
            return SourceError::Code::AuthFailed;
        default:
            return SourceError::Code::NetworkError;
        }
    }

} // namespace

void fetch(QNetworkAccessManager* nam, const QUrl& url, const FetchOptions& options, QObject* context,
    std::function<void(const FetchResult&)> done)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Inactivity timeout as a first line; the total deadline below catches a peer that trickles.
    request.setTransferTimeout(options.deadlineMs);
    request.setRawHeader("Accept", "application/json, text/plain;q=0.5");
    if (options.ssl && url.scheme() == u"https"_s)
        request.setSslConfiguration(*options.ssl);
    if (options.basicAuth)
        request.setRawHeader("Authorization",
            "Basic " + (options.basicAuth->user + u':' + options.basicAuth->password).toUtf8().toBase64());
    QNetworkReply* reply = nullptr;
    if (options.postJson) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = nam->post(request, *options.postJson);
    } else {
        reply = nam->get(request);
    }

    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto abandoned = std::make_shared<Abandoned>(Abandoned::No);
    auto sslDetail = std::make_shared<QString>();

    QTimer::singleShot(options.deadlineMs, reply, [reply, abandoned] {
        if (reply->isRunning()) {
            *abandoned = Abandoned::Deadline;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
        [reply, abandoned, cap = options.maxBodyBytes](qint64 received, qint64 total) {
            if (received > cap || total > cap) {
                *abandoned = Abandoned::TooLarge;
                reply->abort();
            }
        });
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [sslDetail](const QList<QSslError>& errors) {
        QStringList texts;
        for (const QSslError& e : errors)
            texts.append(e.errorString());
        *sslDetail = texts.join(u"; "_s);
    });

    // The reply cleans itself up whether or not anybody still listens; a dead context aborts it.
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    auto delivery = std::make_shared<QMetaObject::Connection>();
    // A dying context: first cut the delivery (its members are already gone while `destroyed` is
    // emitted), then abort, which emits finished synchronously.
    QObject::connect(context, &QObject::destroyed, reply, [reply, delivery] {
        QObject::disconnect(*delivery);
        reply->abort();
    });
    *delivery = QObject::connect(reply, &QNetworkReply::finished, context,
        [reply, options, timer, abandoned, sslDetail, done = std::move(done)] {
            FetchResult r;
            r.elapsedMs = timer->elapsed();
            r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            r.error.source = options.sourceName;
            if (*abandoned == Abandoned::Deadline) {
                r.error.code = SourceError::Code::Timeout;
                r.error.detail = u"no complete answer after %1 ms"_s.arg(options.deadlineMs);
            } else if (*abandoned == Abandoned::TooLarge) {
                r.error.code = SourceError::Code::BodyTooLarge;
                r.error.detail = u"over %1 bytes"_s.arg(options.maxBodyBytes);
            } else if (r.httpStatus >= 300 && r.httpStatus < 400) {
                r.error.code = SourceError::Code::Redirected;
                r.error.httpStatus = r.httpStatus;
                r.error.detail
                    = u"to "_s + reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl().toString();
            } else if (r.httpStatus == 401 || r.httpStatus == 403) {
                r.error.code = SourceError::Code::AuthFailed;
                r.error.httpStatus = r.httpStatus;
            } else if (r.httpStatus >= 400) {
                r.error.code = SourceError::Code::HttpStatus;
                r.error.httpStatus = r.httpStatus;
                r.body = reply->read(options.maxBodyBytes);
            } else if (reply->error() != QNetworkReply::NoError) {
                r.error.code = codeFor(reply->error());
                r.error.detail = sslDetail->isEmpty() ? reply->errorString() : *sslDetail;
                if (r.error.code == SourceError::Code::Timeout)
                    r.error.detail = u"no answer within %1 ms"_s.arg(options.deadlineMs);
            } else {
                r.body = reply->read(options.maxBodyBytes + 1);
                if (r.body.size() > options.maxBodyBytes) {
                    r.body.clear();
                    r.error.code = SourceError::Code::BodyTooLarge;
                    r.error.detail = u"over %1 bytes"_s.arg(options.maxBodyBytes);
                }
            }
            done(r);
        });
}

} // namespace Sources
