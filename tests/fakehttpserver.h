#pragma once

// A tiny HTTP server on 127.0.0.1 for what a real Patroni cannot be made to do on demand:
// hang, trickle, answer garbage, reset. Everything a real Patroni does is tested against the lab.

#include <QByteArray>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

class FakeHttpServer : public QTcpServer {
    Q_OBJECT
public:
    enum class Mode { Answer, Hang, Trickle, CloseAtOnce };

    explicit FakeHttpServer(QObject* parent = nullptr)
        : QTcpServer(parent)
    {
        connect(this, &QTcpServer::newConnection, this, &FakeHttpServer::handleConnection);
        if (!listen(QHostAddress::LocalHost, 0))
            qFatal("FakeHttpServer: cannot listen on 127.0.0.1");
    }

    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }

    Mode mode = Mode::Answer;
    int status = 200;
    QByteArray body;
    QByteArray extraHeaders;
    // When set, a request without exactly this Authorization header gets 401 (HAProxy's `stats auth`).
    QByteArray requireAuthorization;
    int requests = 0;
    QByteArray lastRequest;
    QList<QByteArray> requestLines; // "GET /cluster HTTP/1.1", in arrival order

    int requestsFor(const QByteArray& path) const
    {
        int n = 0;
        for (const QByteArray& line : requestLines)
            n += line.split(' ').value(1) == path ? 1 : 0;
        return n;
    }

private:
    void handleConnection()
    {
        while (QTcpSocket* s = nextPendingConnection()) {
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            connect(s, &QTcpSocket::readyRead, this, [this, s] {
                QByteArray& buffer = m_buffers[s];
                buffer += s->readAll();
                if (!buffer.contains("\r\n\r\n"))
                    return;
                ++requests;
                lastRequest = buffer;
                requestLines.append(buffer.left(buffer.indexOf("\r\n")));
                buffer.clear();
                respond(s);
            });
        }
    }

    void respond(QTcpSocket* s)
    {
        switch (mode) {
        case Mode::Hang:
            return; // never answer
        case Mode::CloseAtOnce:
            s->abort();
            return;
        case Mode::Trickle: {
            s->write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{");
            auto* t = new QTimer(s);
            connect(t, &QTimer::timeout, s, [s] { s->write(" "); });
            t->start(50);
            return;
        }
        case Mode::Answer:
            break;
        }
        if (!requireAuthorization.isEmpty()
            && !lastRequest.contains(QByteArray(QByteArray("\r\nAuthorization: ") + requireAuthorization + "\r\n"))) {
            s->write("HTTP/1.0 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"HAProxy Statistics\"\r\n"
                     "Content-Length: 0\r\n\r\n");
            s->disconnectFromHost();
            return;
        }
        QByteArray reply = "HTTP/1.0 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
        s->write(reply);
        s->disconnectFromHost();
    }

    QHash<QTcpSocket*, QByteArray> m_buffers;
};
