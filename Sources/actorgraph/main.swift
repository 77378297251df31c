import ActorGraphCLI

ActorGraphCommand.runAndExit()
