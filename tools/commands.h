// The CLI's commands. Each returns the process exit code.
#ifndef CORDON_TOOLS_COMMANDS_H_
#define CORDON_TOOLS_COMMANDS_H_

namespace cordon {

int RunLists(int argc, char** argv);
int RunScreen(int argc, char** argv);
int RunScreenFile(int argc, char** argv);
int RunServe(int argc, char** argv);  // serve: HTTP service (issue 6, server/)
int RunScreenText(int argc, char** argv);     // screen-text (issue 5)
int RunScreenPayment(int argc, char** argv);  // screen-payment (issue 5)
int RunIndex(int argc, char** argv);          // index build|check: snapshots (issue 4)
int RunPopulation(int argc, char** argv);     // population count: a name table (issue 3)
// Monitoring store (issue 7): cmd_store_lists.cc, cmd_monitor.cc, cmd_alerts.cc.
int RunListsStore(int argc, char** argv);  // lists import|versions|diff
int RunCustomers(int argc, char** argv);
int RunMonitorCommand(int argc, char** argv);
int RunAlerts(int argc, char** argv);
int RunAudit(int argc, char** argv);

}  // namespace cordon

#endif  // CORDON_TOOLS_COMMANDS_H_
