// Prints the BLAS/LAPACK that grdp's LinearAlgebra module links against, as recorded in
// BENCHMARKS.md: OpenBLAS's build string, the kernel it picked and its thread count
// (which follows OPENBLAS_NUM_THREADS / OMP_NUM_THREADS when set).
import LinearAlgebra

print("openblas_get_config: \(BLASConfiguration.openBLASConfiguration)")
print("openblas_get_corename: \(BLASConfiguration.coreName)")
print("openblas_get_num_threads: \(BLASConfiguration.threadCount)")
print("openblas_get_num_procs: \(BLASConfiguration.processorCount)")
print("LAPACK (ilaver): \(BLASConfiguration.lapackVersion)")
