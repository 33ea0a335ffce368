import GRDPCommands
import LinearAlgebra

// First, before anything is read or written: a restart with the OpenBLAS kernel this CPU
// supports, when the linked OpenBLAS does not recognise the CPU (BLASKernelSelection).
BLASKernelSelection.restartIfNeeded()
CommandLineMain.main()
