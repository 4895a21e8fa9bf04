#include "app/quitonsignals.h"

#include <QSocketNotifier>

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace App {

namespace {

    // One pair for the process: [0] written by the handler, [1] read by the event loop.
    int signalPipe[2] = { -1, -1 };

    void onSignal(int signal)
    {
        const int savedErrno = errno; // the code the signal interrupted may be about to read it
        const auto byte = static_cast<char>(signal);
        // Non-blocking: a full socket (signals faster than the loop reads them) drops this one.
        [[maybe_unused]] const ssize_t n = ::write(signalPipe[0], &byte, 1);
        errno = savedErrno;
    }

} // namespace

QuitOnSignals::QuitOnSignals(std::function<void(int)> quit)
    : m_quit(std::move(quit))
{
    Q_ASSERT(signalPipe[0] < 0); // one at a time
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, signalPipe) != 0)
        return;
    m_notifier = std::make_unique<QSocketNotifier>(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] {
        char byte = 0;
        if (::read(signalPipe[1], &byte, 1) != 1 || m_handling)
            return;
        m_handling = true;
        restore(); // a second signal ends the process the usual way
        m_quit(static_cast<unsigned char>(byte));
    });
    struct sigaction action { };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, &m_oldInt);
    ::sigaction(SIGTERM, &action, &m_oldTerm);
}

QuitOnSignals::~QuitOnSignals()
{
    restore();
    m_notifier.reset();
    for (int& fd : signalPipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void QuitOnSignals::restore()
{
    if (!m_notifier)
        return;
    ::sigaction(SIGINT, &m_oldInt, nullptr);
    ::sigaction(SIGTERM, &m_oldTerm, nullptr);
}

} // namespace App
