// The CLI's commands. Each returns the process exit code.
#ifndef CORDON_TOOLS_COMMANDS_H_
#define CORDON_TOOLS_COMMANDS_H_

namespace cordon {

int RunLists(int argc, char** argv);
int RunScreen(int argc, char** argv);
int RunScreenFile(int argc, char** argv);

}  // namespace cordon

#endif  // CORDON_TOOLS_COMMANDS_H_
