import sys
p='backends/cpu_event_backend.cpp'
s=open(p).read()
s=s.replace('#include "core/nonzero.hpp"','#include "core/nonzero.hpp"\n#include <x86intrin.h>\n#include <cstdio>\nnamespace { struct Acc{ unsigned long long a[6]={}; unsigned long long n=0; ~Acc(){ if(n) std::fprintf(stderr,"EVT n=%llu zero %.0f gather %.0f deliver %.0f commit %.0f\\n",n,(double)a[0]/(double)n,(double)a[1]/(double)n,(double)a[2]/(double)n,(double)a[3]/(double)n);} } acc; }',1)
old='''  out.setZero(p.out_size(), batch_);
  if (p.gathers() && b.count > 0) {
    InputTally tally(p);
    if (gather(b, p, tally)) {
      tally.commit(batch_, p.deliver_gathered(gathered_, out, order_), counts);'''
assert old in s
s=s.replace(old,'''  const bool ro = p.out_size() == 16;
  unsigned long long t0 = __rdtsc();
  out.setZero(p.out_size(), batch_);
  if (p.gathers() && b.count > 0) {
    InputTally tally(p);
    unsigned long long t1 = __rdtsc();
    if (gather(b, p, tally)) {
      unsigned long long t2 = __rdtsc();
      auto bytes = p.deliver_gathered(gathered_, out, order_);
      unsigned long long t3 = __rdtsc();
      tally.commit(batch_, bytes, counts);
      if (ro) { acc.a[0]+=t1-t0; acc.a[1]+=t2-t1; acc.a[2]+=t3-t2; acc.a[3]+=__rdtsc()-t3; acc.n++; }''')
open(p,'w').write(s)
p='backends/cpu_dense_backend.cpp'
s=open(p).read()
s=s.replace('#include "backends/input_tally.hpp"','#include "backends/input_tally.hpp"\n#include <x86intrin.h>\n#include <cstdio>\nnamespace { struct Acc{ unsigned long long a[6]={}; unsigned long long n=0; ~Acc(){ if(n) std::fprintf(stderr,"DNS n=%llu tally %.0f product %.0f commit %.0f\\n",n,(double)a[0]/(double)n,(double)a[1]/(double)n,(double)a[2]/(double)n);} } acc; }')
old='''  InputTally tally(*c.projection);
  for (Eigen::Index b = 0; b < x.cols(); ++b) tally.add_column(x.col(b).data(), x.rows());
  c.projection->forward_dense(x, out);
  tally.commit(batch_, c.projection->dense_bytes(), counts);'''
assert old in s
s=s.replace(old,'''  const bool ro = c.projection->out_size() == 16;
  unsigned long long t0 = __rdtsc();
  InputTally tally(*c.projection);
  for (Eigen::Index b = 0; b < x.cols(); ++b) tally.add_column(x.col(b).data(), x.rows());
  unsigned long long t1 = __rdtsc();
  c.projection->forward_dense(x, out);
  unsigned long long t2 = __rdtsc();
  tally.commit(batch_, c.projection->dense_bytes(), counts);
  if (ro) { acc.a[0]+=t1-t0; acc.a[1]+=t2-t1; acc.a[2]+=__rdtsc()-t2; acc.n++; }''')
open(p,'w').write(s)
