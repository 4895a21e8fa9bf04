#pragma once

#include <QtGlobal>

#include <csignal>
#include <functional>
#include <memory>

class QSocketNotifier;

namespace App {

// Until destroyed, SIGINT and SIGTERM no longer kill the process: `quit` is called from the event loop
// with the signal's number, so the program ends as it does when asked from inside (the window keeps its
// layout, `watch` restores the terminal). The handler only writes the number to a socket pair, the one
// thing a signal handler may do. Once the first signal is handled the old dispositions are back, so a
// second Ctrl-C or SIGTERM ends a program that is slow to quit the usual way. Should the socket pair
// not be made, the signals kill as before.
class QuitOnSignals final {
    Q_DISABLE_COPY_MOVE(QuitOnSignals)
public:
    explicit QuitOnSignals(std::function<void(int signal)> quit);
    ~QuitOnSignals();

private:
    void restore();

    std::function<void(int)> m_quit;
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_oldInt { };
    struct sigaction m_oldTerm { };
    bool m_handling = false;
};

} // namespace App
