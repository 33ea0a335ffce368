import GRDPCommands

CommandLineMain.main()
