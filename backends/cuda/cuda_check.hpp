#pragma once
// Every CUDA / cuBLAS / cuSPARSE status is checked; a failure becomes an evsim::Error
// naming the call, file and line.
#include <cublas_v2.h>
#include <cuda_runtime.h>
#include <cusparse.h>

#include <string>

#include "core/error.hpp"

#define EVSIM_CUDA_CHECK(call)                                                                               \
  do {                                                                                                       \
    cudaError_t evsim_status_ = (call);                                                                      \
    if (evsim_status_ != cudaSuccess)                                                                        \
      throw ::evsim::Error(std::string("CUDA: ") + #call + ": " + cudaGetErrorString(evsim_status_) + " (" + \
                           __FILE__ + ":" + std::to_string(__LINE__) + ")");                                 \
  } while (0)

#define EVSIM_CUBLAS_CHECK(call)                                                      \
  do {                                                                                \
    cublasStatus_t evsim_status_ = (call);                                            \
    if (evsim_status_ != CUBLAS_STATUS_SUCCESS)                                       \
      throw ::evsim::Error(std::string("cuBLAS: ") + #call + " failed with status " + \
                           std::to_string(static_cast<int>(evsim_status_)));          \
  } while (0)

#define EVSIM_CUSPARSE_CHECK(call)                                                                            \
  do {                                                                                                        \
    cusparseStatus_t evsim_status_ = (call);                                                                  \
    if (evsim_status_ != CUSPARSE_STATUS_SUCCESS)                                                             \
      throw ::evsim::Error(std::string("cuSPARSE: ") + #call + ": " + cusparseGetErrorString(evsim_status_)); \
  } while (0)

#define EVSIM_KERNEL_CHECK() EVSIM_CUDA_CHECK(cudaGetLastError())
