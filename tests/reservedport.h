#pragma once

// A port on 127.0.0.1 that refuses connections for as long as this object lives: the socket is
// bound but never listens, so the kernel answers every connection attempt with a reset (refused),
// and no other program can take the port meanwhile. Binding and closing a QTcpServer instead
// leaves a gap in which another program, or the client's own ephemeral source port, can take it.
#include <QtGlobal>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

class ReservedClosedPort final {
public:
    ReservedClosedPort()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0)
            qFatal("ReservedClosedPort: cannot bind a socket on 127.0.0.1");
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&addr), &len);
        m_port = ntohs(addr.sin_port);
    }
    ~ReservedClosedPort()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    ReservedClosedPort(const ReservedClosedPort&) = delete;
    ReservedClosedPort& operator=(const ReservedClosedPort&) = delete;

    quint16 port() const { return m_port; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
};
