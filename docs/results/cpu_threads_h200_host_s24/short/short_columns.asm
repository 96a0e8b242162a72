
build-cpu/network/CMakeFiles/evsim_network.dir/short_columns.cpp.o:     file format elf64-x86-64


Disassembly of section .text:

0000000000000000 <void evsim::(anonymous namespace)::one_lane<4>(float const*, evsim::(anonymous namespace)::Lane const&, long)>:
       0:	endbr64
       4:	push   %rbp
       5:	vmovq  %rdx,%xmm0
       a:	vpxor  %xmm2,%xmm2,%xmm2
       e:	mov    $0x1,%edx
      13:	mov    %rdi,%rcx
      16:	mov    %rsp,%rbp
      19:	and    $0xffffffffffffffc0,%rsp
      1d:	sub    $0x140,%rsp
      24:	mov    %fs:0x28,%rax
      2d:	mov    %rax,0x138(%rsp)
      35:	xor    %eax,%eax
      37:	vmovdqa 0x0(%rip),%xmm1        # 3f <void evsim::(anonymous namespace)::one_lane<4>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x3f>
      3f:	mov    0x20(%rsi),%rdi
      43:	mov    0x8(%rsi),%r8
      47:	vpminsq %xmm1,%xmm0,%xmm1
      4d:	vpmaxsq %xmm2,%xmm1,%xmm1
      53:	vmovdqa 0x0(%rip),%xmm2        # 5b <void evsim::(anonymous namespace)::one_lane<4>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x5b>
      5b:	vmovq  %xmm1,%rax
      60:	vmovdqa 0x0(%rip),%xmm1        # 68 <void evsim::(anonymous namespace)::one_lane<4>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x68>
      68:	shlx   %eax,%edx,%eax
      6d:	dec    %eax
      6f:	vpaddq %xmm1,%xmm0,%xmm1
      73:	kmovw  %eax,%k3
      77:	vmovups (%rdi),%zmm4{%k3}{z}
      7d:	vpminsq %xmm2,%xmm1,%xmm1
      83:	vpxor  %xmm2,%xmm2,%xmm2
      87:	vpmaxsq %xmm2,%xmm1,%xmm1
      8d:	vmovdqa 0x0(%rip),%xmm2        # 95 <void evsim::(anonymous namespace)::one_lane<4>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x95>
      95:	vmovaps %zmm4,(%rsp)
      9c:	vmovq  %xmm1,%rax
      a1:	vmovdqa 0x0(%rip),%xmm1        # a9 <void evsim::(anonymous namespace)::one_lane<4>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0xa9>
      a9:	shlx   %eax,%edx,%eax
      ae:	dec    %eax
      b0:	vpaddq %xmm1,%xmm0,%xmm1
      b4:	kmovw  %eax,%k2
      b8:	vmovups 0x40(%rdi),%zmm3{%k2}{z}
      bf:	vpminsq %xmm2,%xmm1,%xmm1
      c5:	vpxor  %xmm2,%xmm2,%xmm2
      c9:	vpmaxsq %xmm2,%xmm1,%xmm1
      cf:	vmovaps %zmm3,0x40(%rsp)
      d7:	vmovq  %xmm1,%rax
      dc:	vmovdqa 0x0(%rip),%xmm1        # e4 <void evsim::(anonymous namespace)::one_lane<4>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0xe4>
      e4:	shlx   %eax,%edx,%eax
      e9:	dec    %eax
      eb:	vpaddq %xmm1,%xmm0,%xmm0
      ef:	vmovdqa 0x0(%rip),%xmm1        # f7 <void evsim::(anonymous namespace)::one_lane<4>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0xf7>
      f7:	kmovw  %eax,%k1
      fb:	vmovups 0x80(%rdi),%zmm2{%k1}{z}
     102:	vpminsq %xmm1,%xmm0,%xmm0
     108:	vpxor  %xmm1,%xmm1,%xmm1
     10c:	vmovaps %zmm2,0x80(%rsp)
     114:	vpmaxsq %xmm1,%xmm0,%xmm0
     11a:	vmovq  %xmm0,%rax
     11f:	shlx   %eax,%edx,%edx
     124:	lea    -0x1(%rdx),%eax
     127:	kmovw  %eax,%k4
     12b:	vmovups 0xc0(%rdi),%zmm1{%k4}{z}
     132:	vmovaps %zmm1,0xc0(%rsp)
     13a:	test   %r8,%r8
     13d:	je     1a8 <void evsim::(anonymous namespace)::one_lane<4>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x1a8>
     13f:	mov    (%rsi),%r10
     142:	mov    0x10(%rsi),%r9
     146:	xor    %edx,%edx
     148:	nopl   0x0(%rax,%rax,1)
     150:	mov    (%r10,%rdx,4),%esi
     154:	inc    %rdx
     157:	vbroadcastss (%r9,%rsi,4),%zmm0
     15e:	mov    %rsi,%rax
     161:	shl    $0x8,%rax
     165:	vfmadd231ps (%rcx,%rax,1),%zmm0,%zmm4
     16c:	vfmadd231ps 0x40(%rcx,%rax,1),%zmm0,%zmm3
     174:	vfmadd231ps 0x80(%rcx,%rax,1),%zmm0,%zmm2
     17c:	vfmadd231ps 0xc0(%rcx,%rax,1),%zmm0,%zmm1
     184:	cmp    %r8,%rdx
     187:	jne    150 <void evsim::(anonymous namespace)::one_lane<4>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x150>
     189:	vmovaps %zmm4,(%rsp)
     190:	vmovaps %zmm3,0x40(%rsp)
     198:	vmovaps %zmm2,0x80(%rsp)
     1a0:	vmovaps %zmm1,0xc0(%rsp)
     1a8:	vmovaps (%rsp),%zmm5
     1af:	vmovups %zmm5,(%rdi){%k3}
     1b5:	vmovaps 0x40(%rsp),%zmm6
     1bd:	vmovups %zmm6,0x40(%rdi){%k2}
     1c4:	vmovaps 0x80(%rsp),%zmm7
     1cc:	vmovups %zmm7,0x80(%rdi){%k1}
     1d3:	vmovaps 0xc0(%rsp),%zmm5
     1db:	vmovups %zmm5,0xc0(%rdi){%k4}
     1e2:	mov    0x138(%rsp),%rax
     1ea:	sub    %fs:0x28,%rax
     1f3:	jne    1fa <void evsim::(anonymous namespace)::one_lane<4>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x1fa>
     1f5:	vzeroupper
     1f8:	leave
     1f9:	ret
     1fa:	vzeroupper
     1fd:	call   202 <void evsim::(anonymous namespace)::one_lane<4>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x202>
     202:	data16 cs nopw 0x0(%rax,%rax,1)
     20d:	nopl   (%rax)

0000000000000210 <void evsim::(anonymous namespace)::one_lane<3>(float const*, evsim::(anonymous namespace)::Lane const&, long)>:
     210:	endbr64
     214:	push   %rbp
     215:	vmovq  %rdx,%xmm0
     21a:	vpxor  %xmm2,%xmm2,%xmm2
     21e:	mov    $0x1,%edx
     223:	mov    %rsi,%rcx
     226:	mov    %rsp,%rbp
     229:	and    $0xffffffffffffffc0,%rsp
     22d:	sub    $0x100,%rsp
     234:	mov    %fs:0x28,%rax
     23d:	mov    %rax,0xf8(%rsp)
     245:	xor    %eax,%eax
     247:	vmovdqa 0x0(%rip),%xmm1        # 24f <void evsim::(anonymous namespace)::one_lane<3>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x3f>
     24f:	mov    0x20(%rsi),%r8
     253:	mov    0x8(%rsi),%rsi
     257:	vpminsq %xmm1,%xmm0,%xmm1
     25d:	vpmaxsq %xmm2,%xmm1,%xmm1
     263:	vmovdqa 0x0(%rip),%xmm2        # 26b <void evsim::(anonymous namespace)::one_lane<3>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x5b>
     26b:	vmovq  %xmm1,%rax
     270:	vmovdqa 0x0(%rip),%xmm1        # 278 <void evsim::(anonymous namespace)::one_lane<3>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x68>
     278:	shlx   %eax,%edx,%eax
     27d:	dec    %eax
     27f:	vpaddq %xmm1,%xmm0,%xmm1
     283:	kmovw  %eax,%k2
     287:	vmovups (%r8),%zmm3{%k2}{z}
     28d:	vpminsq %xmm2,%xmm1,%xmm1
     293:	vpxor  %xmm2,%xmm2,%xmm2
     297:	vpmaxsq %xmm2,%xmm1,%xmm1
     29d:	vmovaps %zmm3,(%rsp)
     2a4:	vmovq  %xmm1,%rax
     2a9:	vmovdqa 0x0(%rip),%xmm1        # 2b1 <void evsim::(anonymous namespace)::one_lane<3>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0xa1>
     2b1:	shlx   %eax,%edx,%eax
     2b6:	dec    %eax
     2b8:	vpaddq %xmm1,%xmm0,%xmm0
     2bc:	vmovdqa 0x0(%rip),%xmm1        # 2c4 <void evsim::(anonymous namespace)::one_lane<3>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0xb4>
     2c4:	kmovw  %eax,%k1
     2c8:	vmovups 0x40(%r8),%zmm2{%k1}{z}
     2cf:	vpminsq %xmm1,%xmm0,%xmm0
     2d5:	vpxor  %xmm1,%xmm1,%xmm1
     2d9:	vmovaps %zmm2,0x40(%rsp)
     2e1:	vpmaxsq %xmm1,%xmm0,%xmm0
     2e7:	vmovq  %xmm0,%rax
     2ec:	shlx   %eax,%edx,%edx
     2f1:	lea    -0x1(%rdx),%eax
     2f4:	kmovw  %eax,%k3
     2f8:	vmovups 0x80(%r8),%zmm1{%k3}{z}
     2ff:	vmovaps %zmm1,0x80(%rsp)
     307:	test   %rsi,%rsi
     30a:	je     361 <void evsim::(anonymous namespace)::one_lane<3>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x151>
     30c:	mov    (%rcx),%r10
     30f:	mov    0x10(%rcx),%r9
     313:	xor    %edx,%edx
     315:	nopl   (%rax)
     318:	mov    (%r10,%rdx,4),%ecx
     31c:	inc    %rdx
     31f:	vbroadcastss (%r9,%rcx,4),%zmm0
     326:	lea    (%rcx,%rcx,2),%rax
     32a:	shl    $0x6,%rax
     32e:	vfmadd231ps (%rdi,%rax,1),%zmm0,%zmm3
     335:	vfmadd231ps 0x40(%rdi,%rax,1),%zmm0,%zmm2
     33d:	vfmadd231ps 0x80(%rdi,%rax,1),%zmm0,%zmm1
     345:	cmp    %rsi,%rdx
     348:	jne    318 <void evsim::(anonymous namespace)::one_lane<3>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x108>
     34a:	vmovaps %zmm3,(%rsp)
     351:	vmovaps %zmm2,0x40(%rsp)
     359:	vmovaps %zmm1,0x80(%rsp)
     361:	vmovaps (%rsp),%zmm4
     368:	vmovups %zmm4,(%r8){%k2}
     36e:	vmovaps 0x40(%rsp),%zmm5
     376:	vmovups %zmm5,0x40(%r8){%k1}
     37d:	vmovaps 0x80(%rsp),%zmm6
     385:	vmovups %zmm6,0x80(%r8){%k3}
     38c:	mov    0xf8(%rsp),%rax
     394:	sub    %fs:0x28,%rax
     39d:	jne    3a4 <void evsim::(anonymous namespace)::one_lane<3>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x194>
     39f:	vzeroupper
     3a2:	leave
     3a3:	ret
     3a4:	vzeroupper
     3a7:	call   3ac <void evsim::(anonymous namespace)::one_lane<3>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x19c>
     3ac:	nopl   0x0(%rax)

00000000000003b0 <void evsim::(anonymous namespace)::one_lane<2>(float const*, evsim::(anonymous namespace)::Lane const&, long)>:
     3b0:	endbr64
     3b4:	vmovdqa 0x0(%rip),%xmm1        # 3bc <void evsim::(anonymous namespace)::one_lane<2>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0xc>
     3bc:	vmovq  %rdx,%xmm0
     3c1:	vpxor  %xmm2,%xmm2,%xmm2
     3c5:	mov    $0x1,%edx
     3ca:	mov    0x20(%rsi),%r10
     3ce:	mov    0x8(%rsi),%r8
     3d2:	vpminsq %xmm1,%xmm0,%xmm1
     3d8:	vpmaxsq %xmm2,%xmm1,%xmm1
     3de:	vmovq  %xmm1,%rax
     3e3:	vmovdqa 0x0(%rip),%xmm1        # 3eb <void evsim::(anonymous namespace)::one_lane<2>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x3b>
     3eb:	shlx   %eax,%edx,%eax
     3f0:	dec    %eax
     3f2:	vpaddq %xmm1,%xmm0,%xmm0
     3f6:	vmovdqa 0x0(%rip),%xmm1        # 3fe <void evsim::(anonymous namespace)::one_lane<2>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x4e>
     3fe:	kmovw  %eax,%k1
     402:	vmovups (%r10),%zmm2{%k1}{z}
     408:	vpminsq %xmm1,%xmm0,%xmm0
     40e:	vpxor  %xmm1,%xmm1,%xmm1
     412:	vpmaxsq %xmm1,%xmm0,%xmm0
     418:	vmovq  %xmm0,%rax
     41d:	shlx   %eax,%edx,%edx
     422:	lea    -0x1(%rdx),%eax
     425:	kmovw  %eax,%k2
     429:	vmovups 0x40(%r10),%zmm1{%k2}{z}
     430:	test   %r8,%r8
     433:	je     469 <void evsim::(anonymous namespace)::one_lane<2>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0xb9>
     435:	mov    (%rsi),%r9
     438:	mov    0x10(%rsi),%rsi
     43c:	xor    %eax,%eax
     43e:	xchg   %ax,%ax
     440:	mov    (%r9,%rax,4),%ecx
     444:	inc    %rax
     447:	vbroadcastss (%rsi,%rcx,4),%zmm0
     44e:	mov    %rcx,%rdx
     451:	shl    $0x7,%rdx
     455:	vfmadd231ps (%rdi,%rdx,1),%zmm0,%zmm2
     45c:	vfmadd231ps 0x40(%rdi,%rdx,1),%zmm0,%zmm1
     464:	cmp    %r8,%rax
     467:	jne    440 <void evsim::(anonymous namespace)::one_lane<2>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x90>
     469:	vmovups %zmm2,(%r10){%k1}
     46f:	vmovups %zmm1,0x40(%r10){%k2}
     476:	vzeroupper
     479:	ret
     47a:	nopw   0x0(%rax,%rax,1)

0000000000000480 <void evsim::(anonymous namespace)::one_lane<1>(float const*, evsim::(anonymous namespace)::Lane const&, long)>:
     480:	endbr64
     484:	vmovdqa 0x0(%rip),%xmm1        # 48c <void evsim::(anonymous namespace)::one_lane<1>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0xc>
     48c:	vmovq  %rdx,%xmm0
     491:	mov    0x20(%rsi),%r10
     495:	mov    $0x1,%edx
     49a:	mov    0x8(%rsi),%r8
     49e:	vpminsq %xmm1,%xmm0,%xmm0
     4a4:	vpxor  %xmm1,%xmm1,%xmm1
     4a8:	vpmaxsq %xmm1,%xmm0,%xmm0
     4ae:	vmovq  %xmm0,%rax
     4b3:	shlx   %eax,%edx,%eax
     4b8:	dec    %eax
     4ba:	kmovw  %eax,%k1
     4be:	vmovups (%r10),%zmm0{%k1}{z}
     4c4:	test   %r8,%r8
     4c7:	je     4f9 <void evsim::(anonymous namespace)::one_lane<1>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x79>
     4c9:	mov    (%rsi),%r9
     4cc:	mov    0x10(%rsi),%rsi
     4d0:	xor    %eax,%eax
     4d2:	nopw   0x0(%rax,%rax,1)
     4d8:	mov    (%r9,%rax,4),%edx
     4dc:	inc    %rax
     4df:	vbroadcastss (%rsi,%rdx,4),%zmm2
     4e6:	mov    %rdx,%rcx
     4e9:	shl    $0x6,%rcx
     4ed:	vfmadd231ps (%rdi,%rcx,1),%zmm2,%zmm0
     4f4:	cmp    %r8,%rax
     4f7:	jne    4d8 <void evsim::(anonymous namespace)::one_lane<1>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x58>
     4f9:	vmovups %zmm0,(%r10){%k1}
     4ff:	vzeroupper
     502:	ret
     503:	data16 cs nopw 0x0(%rax,%rax,1)
     50e:	xchg   %ax,%ax

0000000000000510 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)>:
     510:	endbr64
     514:	push   %rbp
     515:	mov    %rsi,%rcx
     518:	mov    %rsp,%rbp
     51b:	push   %r15
     51d:	push   %r14
     51f:	push   %r13
     521:	push   %r12
     523:	push   %rbx
     524:	and    $0xffffffffffffffc0,%rsp
     528:	sub    $0x180,%rsp
     52f:	mov    %fs:0x28,%rax
     538:	mov    %rax,0x178(%rsp)
     540:	mov    $0x10,%eax
     545:	cmp    %rax,%rdx
     548:	cmovle %rdx,%rax
     54c:	mov    %rax,0x18(%rsp)
     551:	test   %rdx,%rdx
     554:	jns    8f0 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x3e0>
     55a:	vmovq  0x58(%rsi),%xmm1
     55f:	vmovq  0x30(%rsi),%xmm5
     564:	vxorps %xmm0,%xmm0,%xmm0
     568:	mov    0x20(%rsi),%rax
     56c:	vmovaps %zmm0,0x40(%rsp)
     574:	mov    0x48(%rsi),%r15
     578:	vpmaxuq %xmm1,%xmm5,%xmm5
     57e:	vmovq  0x8(%rsi),%xmm1
     583:	vmovaps %zmm0,0x80(%rsp)
     58b:	vmovaps %zmm0,0xc0(%rsp)
     593:	vmovaps %zmm0,0x100(%rsp)
     59b:	vmovq  0x80(%rsi),%xmm0
     5a3:	vpmaxuq %xmm1,%xmm5,%xmm5
     5a9:	mov    %rax,0x20(%rsp)
     5ae:	vpmaxuq %xmm0,%xmm5,%xmm5
     5b4:	vmovq  %xmm5,%rdx
     5b9:	test   %rdx,%rdx
     5bc:	je     7f0 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x2e0>
     5c2:	mov    0x28(%rcx),%rbx
     5c6:	vmovq  0x8(%rcx),%xmm0
     5cb:	mov    (%rcx),%r14
     5ce:	mov    0x10(%rcx),%r13
     5d2:	vmovq  %xmm0,%rax
     5d7:	vmovaps 0x40(%rsp),%zmm4
     5df:	mov    0x30(%rcx),%r8
     5e3:	mov    %rbx,0x38(%rsp)
     5e8:	mov    0x50(%rcx),%rbx
     5ec:	mov    0x38(%rcx),%r9
     5f0:	vmovaps 0x80(%rsp),%zmm3
     5f8:	mov    0x58(%rcx),%r10
     5fc:	mov    0x60(%rcx),%r11
     600:	vmovaps 0xc0(%rsp),%zmm2
     608:	mov    %rbx,0x30(%rsp)
     60d:	mov    0x78(%rcx),%rbx
     611:	mov    0x88(%rcx),%r12
     618:	vmovaps 0x100(%rsp),%zmm1
     620:	mov    %rbx,0x28(%rsp)
     625:	mov    0x80(%rcx),%rbx
     62c:	test   %rax,%rax
     62f:	je     714 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x204>
     635:	vpminuq %xmm0,%xmm5,%xmm5
     63b:	vpxor  %xmm0,%xmm0,%xmm0
     63f:	mov    %rdx,0x10(%rsp)
     644:	vmovq  %xmm5,%rsi
     649:	mov    %r15,0x8(%rsp)
     64e:	vmovq  %xmm0,%rax
     653:	mov    %r14,%r15
     656:	mov    %rsi,%rdx
     659:	nopl   0x0(%rax)
     660:	mov    (%r15,%rax,4),%esi
     664:	vbroadcastss 0x0(%r13,%rsi,4),%zmm6
     66c:	mov    %rsi,%r14
     66f:	shl    $0x6,%r14
     673:	vfmadd231ps (%rdi,%r14,1),%zmm6,%zmm4
     67a:	cmp    %r8,%rax
     67d:	jb     8b0 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x3a0>
     683:	mov    0x40(%rcx),%esi
     686:	vbroadcastss (%r9,%rsi,4),%zmm7
     68d:	mov    %rsi,%r14
     690:	shl    $0x6,%r14
     694:	vfmadd231ps (%rdi,%r14,1),%zmm7,%zmm3
     69b:	cmp    %r10,%rax
     69e:	jae    8a0 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x390>
     6a4:	mov    0x30(%rsp),%rsi
     6a9:	mov    (%rsi,%rax,4),%esi
     6ac:	vbroadcastss (%r11,%rsi,4),%zmm6
     6b3:	mov    %rsi,%r14
     6b6:	shl    $0x6,%r14
     6ba:	vfmadd231ps (%rdi,%r14,1),%zmm6,%zmm2
     6c1:	cmp    %rbx,%rax
     6c4:	jae    8c0 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x3b0>
     6ca:	mov    0x28(%rsp),%rsi
     6cf:	mov    (%rsi,%rax,4),%eax
     6d2:	vmovdqa 0x0(%rip),%xmm5        # 6da <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x1ca>
     6da:	vbroadcastss (%r12,%rax,4),%zmm7
     6e1:	mov    %rax,%rsi
     6e4:	shl    $0x6,%rsi
     6e8:	vpaddq %xmm5,%xmm0,%xmm0
     6ec:	vfmadd231ps (%rdi,%rsi,1),%zmm7,%zmm1
     6f3:	vmovq  %xmm0,%rax
     6f8:	cmp    %rdx,%rax
     6fb:	jb     660 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x150>
     701:	mov    0x10(%rsp),%rdx
     706:	mov    0x8(%rsp),%r15
     70b:	cmp    %rdx,%rax
     70e:	jae    7d0 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x2c0>
     714:	mov    0x18(%rcx),%esi
     717:	vbroadcastss 0x0(%r13,%rsi,4),%zmm7
     71f:	shl    $0x6,%rsi
     723:	mov    0x28(%rsp),%r13
     728:	vmovups (%rdi,%rsi,1),%zmm6
     72f:	jmp    7af <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x29f>
     731:	nopl   0x0(%rax)
     738:	mov    0x40(%rcx),%esi
     73b:	vbroadcastss (%r9,%rsi,4),%zmm5
     742:	mov    %rsi,%r14
     745:	shl    $0x6,%r14
     749:	vfmadd231ps (%rdi,%r14,1),%zmm5,%zmm3
     750:	cmp    %r10,%rax
     753:	jae    8e0 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x3d0>
     759:	mov    0x30(%rsp),%rsi
     75e:	mov    (%rsi,%rax,4),%esi
     761:	vbroadcastss (%r11,%rsi,4),%zmm5
     768:	mov    %rsi,%r14
     76b:	shl    $0x6,%r14
     76f:	vfmadd231ps (%rdi,%r14,1),%zmm5,%zmm2
     776:	cmp    %rbx,%rax
     779:	jae    8d0 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x3c0>
     77f:	mov    0x0(%r13,%rax,4),%eax
     784:	vbroadcastss (%r12,%rax,4),%zmm5
     78b:	mov    %rax,%rsi
     78e:	shl    $0x6,%rsi
     792:	vfmadd231ps (%rdi,%rsi,1),%zmm5,%zmm1
     799:	vmovdqa 0x0(%rip),%xmm5        # 7a1 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x291>
     7a1:	vpaddq %xmm5,%xmm0,%xmm0
     7a5:	vmovq  %xmm0,%rax
     7aa:	cmp    %rdx,%rax
     7ad:	jae    7d0 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x2c0>
     7af:	vfmadd231ps %zmm7,%zmm6,%zmm4
     7b5:	cmp    %r8,%rax
     7b8:	jae    738 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x228>
     7be:	mov    0x38(%rsp),%rsi
     7c3:	mov    (%rsi,%rax,4),%esi
     7c6:	jmp    73b <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x22b>
     7cb:	nopl   0x0(%rax,%rax,1)
     7d0:	vmovaps %zmm4,0x40(%rsp)
     7d8:	vmovaps %zmm3,0x80(%rsp)
     7e0:	vmovaps %zmm2,0xc0(%rsp)
     7e8:	vmovaps %zmm1,0x100(%rsp)
     7f0:	mov    0x18(%rsp),%rbx
     7f5:	xor    %eax,%eax
     7f7:	test   %rbx,%rbx
     7fa:	cmovs  %rax,%rbx
     7fe:	mov    $0x1,%eax
     803:	shlx   %ebx,%eax,%eax
     808:	dec    %eax
     80a:	kmovw  %eax,%k1
     80e:	mov    0x20(%rsp),%rax
     813:	test   %rax,%rax
     816:	je     82a <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x31a>
     818:	vmovaps 0x40(%rsp),%zmm2
     820:	vmovups %zmm2,(%rax){%k1}
     826:	mov    0x48(%rcx),%r15
     82a:	test   %r15,%r15
     82d:	je     83d <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x32d>
     82f:	vmovaps 0x80(%rsp),%zmm3
     837:	vmovups %zmm3,(%r15){%k1}
     83d:	mov    0x70(%rcx),%rax
     841:	test   %rax,%rax
     844:	je     854 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x344>
     846:	vmovaps 0xc0(%rsp),%zmm4
     84e:	vmovups %zmm4,(%rax){%k1}
     854:	mov    0x98(%rcx),%rax
     85b:	test   %rax,%rax
     85e:	je     86e <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x35e>
     860:	vmovaps 0x100(%rsp),%zmm2
     868:	vmovups %zmm2,(%rax){%k1}
     86e:	mov    0x178(%rsp),%rax
     876:	sub    %fs:0x28,%rax
     87f:	jne    a21 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x511>
     885:	vzeroupper
     888:	lea    -0x28(%rbp),%rsp
     88c:	pop    %rbx
     88d:	pop    %r12
     88f:	pop    %r13
     891:	pop    %r14
     893:	pop    %r15
     895:	pop    %rbp
     896:	ret
     897:	nopw   0x0(%rax,%rax,1)
     8a0:	mov    0x68(%rcx),%esi
     8a3:	jmp    6ac <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x19c>
     8a8:	nopl   0x0(%rax,%rax,1)
     8b0:	mov    0x38(%rsp),%rsi
     8b5:	mov    (%rsi,%rax,4),%esi
     8b8:	jmp    686 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x176>
     8bd:	nopl   (%rax)
     8c0:	mov    0x90(%rcx),%eax
     8c6:	jmp    6d2 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x1c2>
     8cb:	nopl   0x0(%rax,%rax,1)
     8d0:	mov    0x90(%rcx),%eax
     8d6:	jmp    784 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x274>
     8db:	nopl   0x0(%rax,%rax,1)
     8e0:	mov    0x68(%rcx),%esi
     8e3:	jmp    761 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x251>
     8e8:	nopl   0x0(%rax,%rax,1)
     8f0:	mov    0x20(%rsi),%rdx
     8f4:	mov    %rax,%rbx
     8f7:	xor    %eax,%eax
     8f9:	mov    %rdx,0x20(%rsp)
     8fe:	test   %rdx,%rdx
     901:	je     912 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x402>
     903:	mov    $0x1,%eax
     908:	shlx   %ebx,%eax,%eax
     90d:	dec    %eax
     90f:	movzwl %ax,%eax
     912:	mov    0x20(%rsp),%rdx
     917:	mov    0x48(%rcx),%r15
     91b:	kmovw  %eax,%k2
     91f:	vmovups (%rdx),%zmm0{%k2}{z}
     925:	mov    %r15,%rdx
     928:	vmovaps %zmm0,0x40(%rsp)
     930:	vmovq  0x8(%rcx),%xmm0
     935:	test   %r15,%r15
     938:	je     9f7 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x4e7>
     93e:	movzbl 0x18(%rsp),%ebx
     943:	mov    $0x1,%eax
     948:	shlx   %ebx,%eax,%eax
     94d:	dec    %eax
     94f:	movzwl %ax,%eax
     952:	kmovd  %eax,%k1
     956:	vmovups (%rdx),%zmm1{%k1}{z}
     95c:	mov    0x70(%rcx),%rax
     960:	vmovq  0x30(%rcx),%xmm5
     965:	vmovaps %zmm1,0x80(%rsp)
     96d:	test   %rax,%rax
     970:	je     a12 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x502>
     976:	movzbl 0x18(%rsp),%ebx
     97b:	mov    $0x1,%edx
     980:	shlx   %ebx,%edx,%edx
     985:	dec    %edx
     987:	movzwl %dx,%edx
     98a:	kmovd  %edx,%k1
     98e:	vmovups (%rax),%zmm1{%k1}{z}
     994:	mov    0x98(%rcx),%rax
     99b:	vmovaps %zmm1,0xc0(%rsp)
     9a3:	vmovq  0x58(%rcx),%xmm1
     9a8:	vpmaxuq %xmm1,%xmm5,%xmm5
     9ae:	vpmaxuq %xmm0,%xmm5,%xmm5
     9b4:	test   %rax,%rax
     9b7:	je     a06 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x4f6>
     9b9:	movzbl 0x18(%rsp),%ebx
     9be:	mov    $0x1,%edx
     9c3:	shlx   %ebx,%edx,%edx
     9c8:	dec    %edx
     9ca:	movzwl %dx,%edx
     9cd:	kmovd  %edx,%k1
     9d1:	vmovups (%rax),%zmm0{%k1}{z}
     9d7:	vmovaps %zmm0,0x100(%rsp)
     9df:	vmovq  0x80(%rcx),%xmm0
     9e7:	vpmaxuq %xmm0,%xmm5,%xmm5
     9ed:	vmovq  %xmm5,%rdx
     9f2:	jmp    5b9 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xa9>
     9f7:	mov    0x20(%rsp),%rdx
     9fc:	kxord  %k1,%k1,%k1
     a01:	jmp    956 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x446>
     a06:	mov    0x20(%rsp),%rax
     a0b:	kxord  %k1,%k1,%k1
     a10:	jmp    9d1 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x4c1>
     a12:	mov    0x20(%rsp),%rax
     a17:	kxord  %k1,%k1,%k1
     a1c:	jmp    98e <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x47e>
     a21:	vzeroupper
     a24:	call   a29 <void evsim::(anonymous namespace)::lanes_product<1>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x519>
     a29:	nopl   0x0(%rax)

0000000000000a30 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)>:
     a30:	push   %rbp
     a31:	mov    %rsp,%rbp
     a34:	push   %r15
     a36:	push   %r14
     a38:	push   %r13
     a3a:	mov    %rsi,%r13
     a3d:	push   %r12
     a3f:	mov    %rdx,%r12
     a42:	push   %rbx
     a43:	sub    $0x118,%rsp
     a4a:	mov    %rdi,0x8(%rsp)
     a4f:	mov    0x10(%rdi),%rdx
     a53:	mov    %rcx,0x40(%rsp)
     a58:	mov    %r8,0x48(%rsp)
     a5d:	mov    %fs:0x28,%rax
     a66:	mov    %rax,0x108(%rsp)
     a6e:	mov    0x20(%rsi),%rax
     a72:	test   %rdx,%rdx
     a75:	mov    %rax,0x10(%rsp)
     a7a:	lea    0xf(%rdx),%rax
     a7e:	cmovns %rdx,%rax
     a82:	sar    $0x4,%rax
     a86:	dec    %rax
     a89:	mov    %rax,(%rsp)
     a8d:	cmpb   $0x0,%fs:0x0
     a96:	je     e28 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x3f8>
     a9c:	cmpq   $0x1,0x28(%r13)
     aa1:	jle    ab1 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x81>
     aa3:	mov    0x38(%r13),%rax
     aa7:	cmp    %rax,0x40(%r13)
     aab:	je     e59 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x429>
     ab1:	mov    0x10(%rsp),%rax
     ab6:	mov    0x40(%rsp),%rbx
     abb:	shl    $0x2,%rax
     abf:	mov    %rax,0x50(%rsp)
     ac4:	lea    0x60(%rsp),%rax
     ac9:	mov    %rax,0x58(%rsp)
     ace:	mov    0x48(%rsp),%rax
     ad3:	cmp    %rax,%rbx
     ad6:	jge    d42 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x312>
     adc:	nopl   0x0(%rax)
     ae0:	mov    0x48(%rsp),%rcx
     ae5:	mov    $0x4,%eax
     aea:	vpxor  %xmm2,%xmm2,%xmm2
     aee:	vpxor  %xmm4,%xmm4,%xmm4
     af2:	vmovdqu8 %zmm2,0x60(%rsp)
     afd:	mov    %rbx,%r9
     b00:	mov    0x58(%rsp),%r15
     b05:	sub    %rbx,%rcx
     b08:	vmovdqu8 %zmm2,0xa0(%rsp)
     b13:	cmp    %rax,%rcx
     b16:	mov    %rcx,0x20(%rsp)
     b1b:	cmovle %rcx,%rax
     b1f:	vmovdqu8 %ymm4,0xe0(%rsp)
     b27:	mov    %rbx,%rcx
     b2a:	xor    %r8d,%r8d
     b2d:	xor    %r10d,%r10d
     b30:	mov    %r8d,%ebx
     b33:	mov    %rcx,%r14
     b36:	mov    %rax,0x18(%rsp)
     b3b:	mov    %eax,%r8d
     b3e:	mov    %r12,%rcx
     b41:	vzeroupper
     b44:	mov    0x20(%r13),%rax
     b48:	mov    0x8(%rcx),%rsi
     b4c:	mov    0x18(%r13),%rdi
     b50:	mov    (%rcx),%rdx
     b53:	imul   %r14,%rax
     b57:	mov    0x28(%r13),%r12
     b5b:	imul   %r14,%rsi
     b5f:	shl    $0x2,%rax
     b63:	add    %rax,%rdi
     b66:	lea    (%rdx,%rsi,4),%rdx
     b6a:	mov    %rdi,0x10(%r15)
     b6e:	mov    %rdx,0x20(%r15)
     b72:	cmp    $0x1,%r12
     b76:	je     dc0 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x390>
     b7c:	mov    0x38(%r13),%rdx
     b80:	cmp    %rdx,0x40(%r13)
     b84:	je     d70 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x340>
     b8a:	add    %rax,%rdx
     b8d:	je     d70 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x340>
     b93:	mov    %rdx,(%r15)
     b96:	mov    0x50(%r13),%rax
     b9a:	mov    (%rax,%r14,4),%eax
     b9e:	mov    %rax,0x8(%r15)
     ba2:	mov    (%r15),%rdi
     ba5:	xor    %esi,%esi
     ba7:	xor    %edx,%edx
     ba9:	test   %rax,%rax
     bac:	jne    bbb <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x18b>
     bae:	jmp    bc0 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x190>
     bb0:	lea    0x1(%rdx),%esi
     bb3:	mov    %rsi,%rdx
     bb6:	cmp    %rax,%rsi
     bb9:	jae    bc0 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x190>
     bbb:	cmp    %edx,(%rdi,%rsi,4)
     bbe:	je     bb0 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x180>
     bc0:	inc    %ebx
     bc2:	mov    %edx,0x18(%r15)
     bc6:	cmp    %ebx,%r8d
     bc9:	jle    de0 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x3b0>
     bcf:	mov    0x50(%rsp),%rax
     bd4:	inc    %r14
     bd7:	add    $0x28,%r15
     bdb:	add    %rax,%r10
     bde:	cmp    $0x1,%r12
     be2:	jne    b44 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x114>
     be8:	mov    %rcx,%r12
     beb:	movslq %ebx,%rsi
     bee:	mov    0x58(%rsp),%rcx
     bf3:	mov    0x0(%r13),%rdi
     bf7:	lea    (%rsi,%rsi,4),%rax
     bfb:	mov    %r8d,%r14d
     bfe:	mov    %r9,%rbx
     c01:	mov    0x20(%r13),%r15
     c05:	lea    (%rcx,%rax,8),%r8
     c09:	mov    0x8(%r13),%rcx
     c0d:	mov    0x18(%r13),%r11
     c11:	mov    0x8(%r12),%r10
     c16:	mov    (%r12),%r9
     c1a:	sub    %rdi,%rcx
     c1d:	sar    $0x2,%rcx
     c21:	lea    (%rbx,%rsi,1),%rax
     c25:	mov    %r15,%rdx
     c28:	mov    %rdi,(%r8)
     c2b:	imul   %rax,%rdx
     c2f:	mov    %rcx,0x8(%r8)
     c33:	imul   %r10,%rax
     c37:	lea    (%r11,%rdx,4),%rdx
     c3b:	lea    (%r9,%rax,4),%rax
     c3f:	mov    %rdx,0x10(%r8)
     c43:	mov    %rax,0x20(%r8)
     c47:	test   %rcx,%rcx
     c4a:	je     e0d <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x3dd>
     c50:	xor    %edx,%edx
     c52:	xor    %eax,%eax
     c54:	jmp    c6b <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x23b>
     c56:	cs nopw 0x0(%rax,%rax,1)
     c60:	lea    0x1(%rax),%edx
     c63:	mov    %rdx,%rax
     c66:	cmp    %rcx,%rdx
     c69:	jae    c70 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x240>
     c6b:	cmp    %eax,(%rdi,%rdx,4)
     c6e:	je     c60 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x230>
     c70:	inc    %rsi
     c73:	mov    %eax,0x18(%r8)
     c77:	add    $0x28,%r8
     c7b:	cmp    %esi,%r14d
     c7e:	jg     c21 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x1f1>
     c80:	mov    0x8(%rsp),%rax
     c85:	mov    (%rax),%rdx
     c88:	mov    0x8(%rax),%rdi
     c8c:	mov    0x20(%rsp),%rax
     c91:	cmp    $0x1,%rax
     c95:	je     df0 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x3c0>
     c9b:	cmp    $0x3,%rax
     c9f:	jg     d1c <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x2ec>
     ca1:	mov    0x18(%rsp),%rsi
     ca6:	mov    0x60(%rsp),%rcx
     cab:	lea    0x0(%rip),%r11        # cb2 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x282>
     cb2:	movslq %esi,%rax
     cb5:	lea    (%rax,%rax,4),%rax
     cb9:	shl    $0x3,%rax
     cbd:	mov    %rcx,0x60(%rsp,%rax,1)
     cc2:	movq   $0x0,0x68(%rsp,%rax,1)
     ccb:	mov    %r11,0x70(%rsp,%rax,1)
     cd0:	movl   $0x0,0x78(%rsp,%rax,1)
     cd8:	movq   $0x0,0x80(%rsp,%rax,1)
     ce4:	cmp    $0x2,%esi
     ce7:	jne    d1c <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x2ec>
     ce9:	mov    %rcx,0xd8(%rsp)
     cf1:	movq   $0x0,0xe0(%rsp)
     cfd:	mov    %r11,0xe8(%rsp)
     d05:	movl   $0x0,0xf0(%rsp)
     d10:	movq   $0x0,0xf8(%rsp)
     d1c:	mov    (%rsp),%rax
     d20:	mov    0x58(%rsp),%rsi
     d25:	lea    0x0(%rip),%rcx        # d2c <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x2fc>
     d2c:	shl    $0x4,%rax
     d30:	call   *(%rcx,%rax,1)
     d33:	add    $0x4,%rbx
     d37:	cmp    %rbx,0x48(%rsp)
     d3c:	jg     ae0 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0xb0>
     d42:	mov    0x108(%rsp),%rax
     d4a:	sub    %fs:0x28,%rax
     d53:	jne    fd3 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x5a3>
     d59:	add    $0x118,%rsp
     d60:	pop    %rbx
     d61:	pop    %r12
     d63:	pop    %r13
     d65:	pop    %r14
     d67:	pop    %r15
     d69:	pop    %rbp
     d6a:	ret
     d6b:	nopl   0x0(%rax,%rax,1)
     d70:	mov    %r9,0x28(%rsp)
     d75:	mov    %r10,%rdx
     d78:	mov    0x10(%rsp),%rsi
     d7d:	mov    %rcx,0x30(%rsp)
     d82:	mov    %r8d,0x38(%rsp)
     d87:	mov    %r10,0x40(%rsp)
     d8c:	add    %fs:0x0,%rdx
     d95:	mov    %rdx,(%r15)
     d98:	call   d9d <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x36d>
     d9d:	mov    0x28(%rsp),%r9
     da2:	mov    0x30(%rsp),%rcx
     da7:	mov    0x38(%rsp),%r8d
     dac:	mov    0x40(%rsp),%r10
     db1:	jmp    b9e <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x16e>
     db6:	cs nopw 0x0(%rax,%rax,1)
     dc0:	mov    0x0(%r13),%rdx
     dc4:	mov    0x8(%r13),%rax
     dc8:	sub    %rdx,%rax
     dcb:	mov    %rdx,(%r15)
     dce:	sar    $0x2,%rax
     dd2:	jmp    b9e <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x16e>
     dd7:	nopw   0x0(%rax,%rax,1)
     de0:	mov    %rcx,%r12
     de3:	mov    %r9,%rbx
     de6:	jmp    c80 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x250>
     deb:	nopl   0x0(%rax,%rax,1)
     df0:	mov    (%rsp),%rax
     df4:	mov    0x58(%rsp),%rsi
     df9:	lea    0x0(%rip),%rcx        # e00 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x3d0>
     e00:	shl    $0x4,%rax
     e04:	call   *0x8(%rcx,%rax,1)
     e08:	jmp    d33 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x303>
     e0d:	xor    %eax,%eax
     e0f:	inc    %rsi
     e12:	add    $0x28,%r8
     e16:	mov    %eax,-0x10(%r8)
     e1a:	cmp    %esi,%r14d
     e1d:	jg     c21 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x1f1>
     e23:	jmp    c80 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x250>
     e28:	mov    %fs:0x0,%rax
     e31:	movb   $0x1,%fs:0x0
     e3a:	lea    0x0(%rip),%rdx        # e41 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x411>
     e41:	lea    0x0(%rip),%rdi        # e48 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x418>
     e48:	lea    0x0(%rax),%rsi
     e4f:	call   e54 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x424>
     e54:	jmp    a9c <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x6c>
     e59:	mov    0x10(%rsp),%rax
     e5e:	mov    %fs:0x0,%rcx
     e67:	mov    %fs:0x0,%rbx
     e70:	lea    0x0(,%rax,4),%r14
     e78:	mov    %rcx,%rax
     e7b:	sub    %rbx,%rax
     e7e:	mov    %rax,0x58(%rsp)
     e83:	sar    $0x2,%rax
     e87:	cmp    %r14,%rax
     e8a:	jb     eb8 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x488>
     e8c:	cmp    %rax,%r14
     e8f:	jae    ab1 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x81>
     e95:	mov    0x10(%rsp),%rax
     e9a:	shl    $0x4,%rax
     e9e:	add    %rbx,%rax
     ea1:	cmp    %rax,%rcx
     ea4:	je     ab1 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x81>
     eaa:	mov    %rax,%fs:0x0
     eb3:	jmp    ab1 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x81>
     eb8:	mov    %fs:0x0,%rsi
     ec1:	mov    %r14,%rdx
     ec4:	sub    %rax,%rdx
     ec7:	sub    %rcx,%rsi
     eca:	sar    $0x2,%rsi
     ece:	cmp    %rdx,%rsi
     ed1:	jb     f0b <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x4db>
     ed3:	movl   $0x0,(%rcx)
     ed9:	lea    0x4(%rcx),%rdi
     edd:	dec    %rdx
     ee0:	je     efd <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x4cd>
     ee2:	lea    (%rdi,%rdx,4),%rax
     ee6:	xor    %esi,%esi
     ee8:	sub    %rcx,%rax
     eeb:	lea    -0x4(%rax),%rbx
     eef:	mov    %rbx,%rdx
     ef2:	call   ef7 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x4c7>
     ef7:	mov    %rax,%rdi
     efa:	add    %rbx,%rdi
     efd:	mov    %rdi,%fs:0x0
     f06:	jmp    ab1 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x81>
     f0b:	movabs $0x1fffffffffffffff,%rcx
     f15:	sub    %rax,%rcx
     f18:	cmp    %rdx,%rcx
     f1b:	jb     1048 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x618>
     f21:	lea    -0x1(%rdx),%rcx
     f25:	mov    %rcx,0x38(%rsp)
     f2a:	cmp    %rdx,%rax
     f2d:	jb     1003 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x5d3>
     f33:	movabs $0x1fffffffffffffff,%rcx
     f3d:	add    %rax,%rax
     f40:	mov    %rdx,0x30(%rsp)
     f45:	cmp    %rcx,%rax
     f48:	cmova  %rcx,%rax
     f4c:	shl    $0x2,%rax
     f50:	mov    %rax,%rdi
     f53:	mov    %rax,0x50(%rsp)
     f58:	call   f5d <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x52d>
     f5d:	mov    0x30(%rsp),%rdx
     f62:	mov    %rax,%r15
     f65:	mov    0x58(%rsp),%rax
     f6a:	lea    (%r15,%rax,1),%rdi
     f6e:	movl   $0x0,(%rdi)
     f74:	cmp    $0x1,%rdx
     f78:	je     fe5 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x5b5>
     f7a:	mov    0x38(%rsp),%rdx
     f7f:	add    $0x4,%rdi
     f83:	xor    %esi,%esi
     f85:	shl    $0x2,%rdx
     f89:	call   f8e <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x55e>
     f8e:	cmpq   $0x0,0x58(%rsp)
     f94:	mov    %fs:0x0,%rsi
     f9d:	jne    fe5 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x5b5>
     f9f:	test   %rbx,%rbx
     fa2:	jne    fd8 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x5a8>
     fa4:	lea    (%r15,%r14,4),%rax
     fa8:	vmovq  %r15,%xmm1
     fad:	vpinsrq $0x1,%rax,%xmm1,%xmm0
     fb3:	vmovdqa %xmm0,%fs:0x0
     fbd:	mov    0x50(%rsp),%rax
     fc2:	add    %r15,%rax
     fc5:	mov    %rax,%fs:0x0
     fce:	jmp    ab1 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x81>
     fd3:	call   fd8 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x5a8>
     fd8:	sub    %rbx,%rsi
     fdb:	mov    %rbx,%rdi
     fde:	call   fe3 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x5b3>
     fe3:	jmp    fa4 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x574>
     fe5:	mov    0x58(%rsp),%rdx
     fea:	mov    %rbx,%rsi
     fed:	mov    %r15,%rdi
     ff0:	call   ff5 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x5c5>
     ff5:	mov    %fs:0x0,%rsi
     ffe:	sub    %rbx,%rsi
    1001:	jmp    fdb <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x5ab>
    1003:	movabs $0x1fffffffffffffff,%rax
    100d:	cmp    %rax,%r14
    1010:	cmovbe %r14,%rax
    1014:	shl    $0x2,%rax
    1018:	mov    %rax,%rdi
    101b:	mov    %rax,0x50(%rsp)
    1020:	call   1025 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x5f5>
    1025:	cmpq   $0x0,0x38(%rsp)
    102b:	mov    %rax,%r15
    102e:	mov    0x58(%rsp),%rax
    1033:	lea    (%r15,%rax,1),%rdi
    1037:	movl   $0x0,(%rdi)
    103d:	jne    f7a <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x54a>
    1043:	jmp    f8e <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x55e>
    1048:	mov    0x108(%rsp),%rax
    1050:	sub    %fs:0x28,%rax
    1059:	jne    fd3 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x5a3>
    105f:	lea    0x0(%rip),%rdi        # 1066 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x636>
    1066:	call   106b <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)+0x63b>
    106b:	nopl   0x0(%rax,%rax,1)

0000000000001070 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]>:
    1070:	endbr64
    1074:	push   %r15
    1076:	push   %r14
    1078:	push   %r13
    107a:	mov    %rdi,%r13
    107d:	push   %r12
    107f:	push   %rbp
    1080:	push   %rbx
    1081:	sub    $0x8,%rsp
    1085:	movslq 0x28(%rdi),%r12
    1089:	call   108e <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]+0x1e>
    108e:	mov    %eax,%ebx
    1090:	call   1095 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]+0x25>
    1095:	mov    %eax,%ecx
    1097:	mov    %r12d,%eax
    109a:	cltd
    109b:	idiv   %ebx
    109d:	cmp    %edx,%ecx
    109f:	jl     1140 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]+0xd0>
    10a5:	imul   %eax,%ecx
    10a8:	lea    (%rcx,%rdx,1),%ebp
    10ab:	lea    (%rax,%rbp,1),%r14d
    10af:	cmp    %r14d,%ebp
    10b2:	jge    1121 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]+0xb1>
    10b4:	mov    0x20(%r13),%r15
    10b8:	movslq %ebp,%rbx
    10bb:	imul   %r15,%rbx
    10bf:	jmp    10d2 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]+0x62>
    10c1:	nopl   0x0(%rax)
    10c8:	inc    %ebp
    10ca:	add    %r15,%rbx
    10cd:	cmp    %ebp,%r14d
    10d0:	je     1121 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]+0xb1>
    10d2:	mov    %rbx,%rax
    10d5:	cqto
    10d7:	idiv   %r12
    10da:	mov    %rax,%rsi
    10dd:	lea    0x0(,%rax,4),%rcx
    10e5:	mov    0x18(%r13),%rax
    10e9:	mov    (%rax),%r8
    10ec:	cmp    %r8,%rcx
    10ef:	jge    10c8 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]+0x58>
    10f1:	add    %r15,%rbx
    10f4:	inc    %ebp
    10f6:	mov    %rbx,%rax
    10f9:	cqto
    10fb:	idiv   %r12
    10fe:	lea    0x0(,%rax,4),%rdx
    1106:	cmp    %rdx,%r8
    1109:	jg     1130 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]+0xc0>
    110b:	mov    0x10(%r13),%rdx
    110f:	mov    0x8(%r13),%rsi
    1113:	mov    0x0(%r13),%rdi
    1117:	call   a30 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)>
    111c:	cmp    %ebp,%r14d
    111f:	jne    10d2 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]+0x62>
    1121:	add    $0x8,%rsp
    1125:	pop    %rbx
    1126:	pop    %rbp
    1127:	pop    %r12
    1129:	pop    %r13
    112b:	pop    %r14
    112d:	pop    %r15
    112f:	ret
    1130:	cmp    %rax,%rsi
    1133:	jge    10cd <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]+0x5d>
    1135:	mov    %rdx,%r8
    1138:	jmp    110b <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]+0x9b>
    113a:	nopw   0x0(%rax,%rax,1)
    1140:	inc    %eax
    1142:	xor    %edx,%edx
    1144:	jmp    10a5 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]+0x35>
    1149:	nopl   0x0(%rax)

0000000000001150 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)>:
    1150:	endbr64
    1154:	push   %rbp
    1155:	vmovq  %rdx,%xmm19
    115b:	mov    %rsi,%rcx
    115e:	mov    %rdi,%rax
    1161:	vmovq  %xmm19,%rdx
    1167:	mov    %rsp,%rbp
    116a:	push   %r15
    116c:	push   %r14
    116e:	push   %r13
    1170:	push   %r12
    1172:	push   %rbx
    1173:	and    $0xffffffffffffffc0,%rsp
    1177:	sub    $0x480,%rsp
    117e:	mov    %fs:0x28,%rsi
    1187:	mov    %rsi,0x478(%rsp)
    118f:	xor    %esi,%esi
    1191:	vmovdqa64 0x0(%rip),%xmm22        # 119b <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x4b>
    119b:	vpminsq %xmm22,%xmm19,%xmm22
    11a1:	test   %rdx,%rdx
    11a4:	jns    1879 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x729>
    11aa:	vmovq  0x58(%rcx),%xmm2
    11af:	vmovq  0x30(%rcx),%xmm1
    11b4:	vxorps %xmm0,%xmm0,%xmm0
    11b8:	mov    0x20(%rcx),%rbx
    11bc:	vmovaps %zmm0,0x40(%rsp)
    11c4:	vmovdqa64 0x0(%rip),%xmm21        # 11ce <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x7e>
    11ce:	vpmaxuq %xmm2,%xmm1,%xmm1
    11d4:	vmovq  0x8(%rcx),%xmm2
    11d9:	vmovaps %zmm0,0x80(%rsp)
    11e1:	vmovdqa64 0x0(%rip),%xmm20        # 11eb <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x9b>
    11eb:	vmovaps %zmm0,0xc0(%rsp)
    11f3:	mov    0x48(%rcx),%r15
    11f7:	vpaddq %xmm21,%xmm19,%xmm21
    11fd:	vmovaps %zmm0,0x100(%rsp)
    1205:	vpmaxuq %xmm2,%xmm1,%xmm1
    120b:	vpaddq %xmm20,%xmm19,%xmm20
    1211:	vmovaps %zmm0,0x140(%rsp)
    1219:	vmovaps %zmm0,0x180(%rsp)
    1221:	vmovaps %zmm0,0x1c0(%rsp)
    1229:	vmovaps %zmm0,0x200(%rsp)
    1231:	vmovaps %zmm0,0x240(%rsp)
    1239:	vmovaps %zmm0,0x280(%rsp)
    1241:	vmovaps %zmm0,0x2c0(%rsp)
    1249:	vmovaps %zmm0,0x300(%rsp)
    1251:	vmovaps %zmm0,0x340(%rsp)
    1259:	vmovaps %zmm0,0x380(%rsp)
    1261:	vmovaps %zmm0,0x3c0(%rsp)
    1269:	vmovaps %zmm0,0x400(%rsp)
    1271:	vmovq  0x80(%rcx),%xmm0
    1279:	mov    %rbx,0x10(%rsp)
    127e:	vpmaxuq %xmm0,%xmm1,%xmm1
    1284:	vmovdqa 0x0(%rip),%xmm0        # 128c <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x13c>
    128c:	vmovq  %xmm1,%r13
    1291:	vpaddq %xmm0,%xmm19,%xmm19
    1297:	test   %r13,%r13
    129a:	je     165f <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x50f>
    12a0:	mov    (%rcx),%rbx
    12a3:	vmovq  0x8(%rcx),%xmm0
    12a8:	mov    0x10(%rcx),%r14
    12ac:	vmovaps 0x40(%rsp),%zmm17
    12b4:	vmovq  %xmm0,%rdx
    12b9:	vmovaps 0x80(%rsp),%zmm16
    12c1:	vmovaps 0xc0(%rsp),%zmm15
    12c9:	mov    %rbx,0x38(%rsp)
    12ce:	mov    0x28(%rcx),%rbx
    12d2:	vmovaps 0x100(%rsp),%zmm14
    12da:	mov    0x30(%rcx),%rdi
    12de:	mov    0x38(%rcx),%r8
    12e2:	vmovaps 0x140(%rsp),%zmm13
    12ea:	vmovaps 0x180(%rsp),%zmm12
    12f2:	mov    %rbx,0x20(%rsp)
    12f7:	mov    0x50(%rcx),%rbx
    12fb:	vmovaps 0x1c0(%rsp),%zmm11
    1303:	vmovaps 0x200(%rsp),%zmm10
    130b:	mov    0x58(%rcx),%r9
    130f:	mov    0x60(%rcx),%r10
    1313:	vmovaps 0x240(%rsp),%zmm9
    131b:	mov    %rbx,0x30(%rsp)
    1320:	mov    0x78(%rcx),%rbx
    1324:	vmovaps 0x280(%rsp),%zmm8
    132c:	vmovaps 0x2c0(%rsp),%zmm7
    1334:	vmovaps 0x300(%rsp),%zmm6
    133c:	mov    0x80(%rcx),%r11
    1343:	vmovaps 0x340(%rsp),%zmm5
    134b:	mov    %rbx,0x18(%rsp)
    1350:	vmovaps 0x380(%rsp),%zmm4
    1358:	mov    0x88(%rcx),%rbx
    135f:	vmovaps 0x3c0(%rsp),%zmm3
    1367:	vmovaps 0x400(%rsp),%zmm2
    136f:	test   %rdx,%rdx
    1372:	je     14a5 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x355>
    1378:	vpminuq %xmm0,%xmm1,%xmm1
    137e:	vpxor  %xmm0,%xmm0,%xmm0
    1382:	vmovq  %xmm1,0x28(%rsp)
    1388:	vmovq  %xmm0,%rdx
    138d:	nopl   (%rax)
    1390:	mov    0x38(%rsp),%rsi
    1395:	mov    (%rsi,%rdx,4),%r12d
    1399:	vbroadcastss (%r14,%r12,4),%zmm1
    13a0:	mov    %r12,%rsi
    13a3:	shl    $0x8,%rsi
    13a7:	vfmadd231ps (%rax,%rsi,1),%zmm1,%zmm17
    13ae:	vfmadd231ps 0x40(%rax,%rsi,1),%zmm1,%zmm16
    13b6:	vfmadd231ps 0x80(%rax,%rsi,1),%zmm1,%zmm15
    13be:	vfmadd231ps 0xc0(%rax,%rsi,1),%zmm1,%zmm14
    13c6:	cmp    %rdi,%rdx
    13c9:	jb     1840 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x6f0>
    13cf:	mov    0x40(%rcx),%r12d
    13d3:	vbroadcastss (%r8,%r12,4),%zmm1
    13da:	mov    %r12,%rsi
    13dd:	shl    $0x8,%rsi
    13e1:	vfmadd231ps (%rax,%rsi,1),%zmm1,%zmm13
    13e8:	vfmadd231ps 0x40(%rax,%rsi,1),%zmm1,%zmm12
    13f0:	vfmadd231ps 0x80(%rax,%rsi,1),%zmm1,%zmm11
    13f8:	vfmadd231ps 0xc0(%rax,%rsi,1),%zmm1,%zmm10
    1400:	cmp    %r9,%rdx
    1403:	jae    1830 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x6e0>
    1409:	mov    0x30(%rsp),%rsi
    140e:	mov    (%rsi,%rdx,4),%r12d
    1412:	vbroadcastss (%r10,%r12,4),%zmm1
    1419:	mov    %r12,%rsi
    141c:	shl    $0x8,%rsi
    1420:	vfmadd231ps (%rax,%rsi,1),%zmm1,%zmm9
    1427:	vfmadd231ps 0x40(%rax,%rsi,1),%zmm1,%zmm8
    142f:	vfmadd231ps 0x80(%rax,%rsi,1),%zmm1,%zmm7
    1437:	vfmadd231ps 0xc0(%rax,%rsi,1),%zmm1,%zmm6
    143f:	cmp    %r11,%rdx
    1442:	jae    1850 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x700>
    1448:	mov    0x18(%rsp),%rsi
    144d:	mov    (%rsi,%rdx,4),%esi
    1450:	vbroadcastss (%rbx,%rsi,4),%zmm1
    1457:	mov    %rsi,%rdx
    145a:	mov    0x28(%rsp),%rsi
    145f:	shl    $0x8,%rdx
    1463:	vfmadd231ps (%rax,%rdx,1),%zmm1,%zmm5
    146a:	vfmadd231ps 0x40(%rax,%rdx,1),%zmm1,%zmm4
    1472:	vfmadd231ps 0x80(%rax,%rdx,1),%zmm1,%zmm3
    147a:	vfmadd231ps 0xc0(%rax,%rdx,1),%zmm1,%zmm2
    1482:	vmovdqa 0x0(%rip),%xmm1        # 148a <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x33a>
    148a:	vpaddq %xmm1,%xmm0,%xmm0
    148e:	vmovq  %xmm0,%rdx
    1493:	cmp    %rsi,%rdx
    1496:	jb     1390 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x240>
    149c:	cmp    %r13,%rdx
    149f:	jae    15df <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x48f>
    14a5:	mov    0x18(%rcx),%r12d
    14a9:	mov    %r15,0x38(%rsp)
    14ae:	mov    0x20(%rsp),%r15
    14b3:	mov    %r12,%rsi
    14b6:	vbroadcastss (%r14,%r12,4),%zmm18
    14bd:	mov    0x18(%rsp),%r12
    14c2:	shl    $0x8,%rsi
    14c6:	vmovups (%rax,%rsi,1),%zmm26
    14cd:	vmovups 0x40(%rax,%rsi,1),%zmm25
    14d5:	vmovups 0x80(%rax,%rsi,1),%zmm24
    14dd:	vmovups 0xc0(%rax,%rsi,1),%zmm23
    14e5:	jmp    15b0 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x460>
    14ea:	nopw   0x0(%rax,%rax,1)
    14f0:	mov    0x40(%rcx),%r14d
    14f4:	vbroadcastss (%r8,%r14,4),%zmm1
    14fb:	mov    %r14,%rsi
    14fe:	shl    $0x8,%rsi
    1502:	vfmadd231ps (%rax,%rsi,1),%zmm1,%zmm13
    1509:	vfmadd231ps 0x40(%rax,%rsi,1),%zmm1,%zmm12
    1511:	vfmadd231ps 0x80(%rax,%rsi,1),%zmm1,%zmm11
    1519:	vfmadd231ps 0xc0(%rax,%rsi,1),%zmm1,%zmm10
    1521:	cmp    %r9,%rdx
    1524:	jae    1870 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x720>
    152a:	mov    0x30(%rsp),%rsi
    152f:	mov    (%rsi,%rdx,4),%r14d
    1533:	vbroadcastss (%r10,%r14,4),%zmm1
    153a:	mov    %r14,%rsi
    153d:	shl    $0x8,%rsi
    1541:	vfmadd231ps (%rax,%rsi,1),%zmm1,%zmm9
    1548:	vfmadd231ps 0x40(%rax,%rsi,1),%zmm1,%zmm8
    1550:	vfmadd231ps 0x80(%rax,%rsi,1),%zmm1,%zmm7
    1558:	vfmadd231ps 0xc0(%rax,%rsi,1),%zmm1,%zmm6
    1560:	cmp    %r11,%rdx
    1563:	jae    1860 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x710>
    1569:	mov    (%r12,%rdx,4),%esi
    156d:	vbroadcastss (%rbx,%rsi,4),%zmm1
    1574:	mov    %rsi,%rdx
    1577:	shl    $0x8,%rdx
    157b:	vfmadd231ps (%rax,%rdx,1),%zmm1,%zmm5
    1582:	vfmadd231ps 0x40(%rax,%rdx,1),%zmm1,%zmm4
    158a:	vfmadd231ps 0x80(%rax,%rdx,1),%zmm1,%zmm3
    1592:	vfmadd231ps 0xc0(%rax,%rdx,1),%zmm1,%zmm2
    159a:	vmovdqa 0x0(%rip),%xmm1        # 15a2 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x452>
    15a2:	vpaddq %xmm1,%xmm0,%xmm0
    15a6:	vmovq  %xmm0,%rdx
    15ab:	cmp    %r13,%rdx
    15ae:	jae    15da <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x48a>
    15b0:	vfmadd231ps %zmm18,%zmm26,%zmm17
    15b6:	vfmadd231ps %zmm18,%zmm25,%zmm16
    15bc:	vfmadd231ps %zmm18,%zmm24,%zmm15
    15c2:	vfmadd231ps %zmm18,%zmm23,%zmm14
    15c8:	cmp    %rdi,%rdx
    15cb:	jae    14f0 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x3a0>
    15d1:	mov    (%r15,%rdx,4),%r14d
    15d5:	jmp    14f4 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x3a4>
    15da:	mov    0x38(%rsp),%r15
    15df:	vmovaps %zmm17,0x40(%rsp)
    15e7:	vmovaps %zmm16,0x80(%rsp)
    15ef:	vmovaps %zmm15,0xc0(%rsp)
    15f7:	vmovaps %zmm14,0x100(%rsp)
    15ff:	vmovaps %zmm13,0x140(%rsp)
    1607:	vmovaps %zmm12,0x180(%rsp)
    160f:	vmovaps %zmm11,0x1c0(%rsp)
    1617:	vmovaps %zmm10,0x200(%rsp)
    161f:	vmovaps %zmm9,0x240(%rsp)
    1627:	vmovaps %zmm8,0x280(%rsp)
    162f:	vmovaps %zmm7,0x2c0(%rsp)
    1637:	vmovaps %zmm6,0x300(%rsp)
    163f:	vmovaps %zmm5,0x340(%rsp)
    1647:	vmovaps %zmm4,0x380(%rsp)
    164f:	vmovaps %zmm3,0x3c0(%rsp)
    1657:	vmovaps %zmm2,0x400(%rsp)
    165f:	vpxor  %xmm0,%xmm0,%xmm0
    1663:	mov    $0x1,%edx
    1668:	vpxor  %xmm1,%xmm1,%xmm1
    166c:	vpmaxsq %xmm0,%xmm22,%xmm0
    1672:	vmovq  %xmm0,%rax
    1677:	vmovdqa 0x0(%rip),%xmm0        # 167f <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x52f>
    167f:	shlx   %eax,%edx,%eax
    1684:	dec    %eax
    1686:	vpminsq %xmm0,%xmm21,%xmm0
    168c:	kmovw  %eax,%k3
    1690:	vpmaxsq %xmm1,%xmm0,%xmm0
    1696:	vmovq  %xmm0,%rax
    169b:	vmovdqa 0x0(%rip),%xmm0        # 16a3 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x553>
    16a3:	shlx   %eax,%edx,%eax
    16a8:	dec    %eax
    16aa:	vpminsq %xmm0,%xmm20,%xmm0
    16b0:	kmovw  %eax,%k2
    16b4:	vpmaxsq %xmm1,%xmm0,%xmm0
    16ba:	vmovq  %xmm0,%rax
    16bf:	vmovdqa 0x0(%rip),%xmm0        # 16c7 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x577>
    16c7:	shlx   %eax,%edx,%eax
    16cc:	dec    %eax
    16ce:	vpminsq %xmm0,%xmm19,%xmm0
    16d4:	kmovw  %eax,%k1
    16d8:	vpmaxsq %xmm1,%xmm0,%xmm0
    16de:	vmovq  %xmm0,%rax
    16e3:	shlx   %eax,%edx,%edx
    16e8:	lea    -0x1(%rdx),%eax
    16eb:	kmovw  %eax,%k4
    16ef:	mov    0x10(%rsp),%rax
    16f4:	test   %rax,%rax
    16f7:	je     1738 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x5e8>
    16f9:	vmovaps 0x40(%rsp),%zmm4
    1701:	vmovups %zmm4,(%rax){%k3}
    1707:	vmovaps 0x80(%rsp),%zmm5
    170f:	vmovups %zmm5,0x40(%rax){%k2}
    1716:	vmovaps 0xc0(%rsp),%zmm6
    171e:	vmovups %zmm6,0x80(%rax){%k1}
    1725:	vmovaps 0x100(%rsp),%zmm7
    172d:	vmovups %zmm7,0xc0(%rax){%k4}
    1734:	mov    0x48(%rcx),%r15
    1738:	test   %r15,%r15
    173b:	je     1778 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x628>
    173d:	vmovaps 0x140(%rsp),%zmm4
    1745:	vmovups %zmm4,(%r15){%k3}
    174b:	vmovaps 0x180(%rsp),%zmm5
    1753:	vmovups %zmm5,0x40(%r15){%k2}
    175a:	vmovaps 0x1c0(%rsp),%zmm6
    1762:	vmovups %zmm6,0x80(%r15){%k1}
    1769:	vmovaps 0x200(%rsp),%zmm7
    1771:	vmovups %zmm7,0xc0(%r15){%k4}
    1778:	mov    0x70(%rcx),%rax
    177c:	test   %rax,%rax
    177f:	je     17bc <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x66c>
    1781:	vmovaps 0x240(%rsp),%zmm3
    1789:	vmovups %zmm3,(%rax){%k3}
    178f:	vmovaps 0x280(%rsp),%zmm4
    1797:	vmovups %zmm4,0x40(%rax){%k2}
    179e:	vmovaps 0x2c0(%rsp),%zmm5
    17a6:	vmovups %zmm5,0x80(%rax){%k1}
    17ad:	vmovaps 0x300(%rsp),%zmm6
    17b5:	vmovups %zmm6,0xc0(%rax){%k4}
    17bc:	mov    0x98(%rcx),%rax
    17c3:	test   %rax,%rax
    17c6:	je     1803 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x6b3>
    17c8:	vmovaps 0x340(%rsp),%zmm7
    17d0:	vmovups %zmm7,(%rax){%k3}
    17d6:	vmovaps 0x380(%rsp),%zmm3
    17de:	vmovups %zmm3,0x40(%rax){%k2}
    17e5:	vmovaps 0x3c0(%rsp),%zmm4
    17ed:	vmovups %zmm4,0x80(%rax){%k1}
    17f4:	vmovaps 0x400(%rsp),%zmm5
    17fc:	vmovups %zmm5,0xc0(%rax){%k4}
    1803:	mov    0x478(%rsp),%rax
    180b:	sub    %fs:0x28,%rax
    1814:	jne    1cbb <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xb6b>
    181a:	vzeroupper
    181d:	lea    -0x28(%rbp),%rsp
    1821:	pop    %rbx
    1822:	pop    %r12
    1824:	pop    %r13
    1826:	pop    %r14
    1828:	pop    %r15
    182a:	pop    %rbp
    182b:	ret
    182c:	nopl   0x0(%rax)
    1830:	mov    0x68(%rcx),%r12d
    1834:	jmp    1412 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x2c2>
    1839:	nopl   0x0(%rax)
    1840:	mov    0x20(%rsp),%rsi
    1845:	mov    (%rsi,%rdx,4),%r12d
    1849:	jmp    13d3 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x283>
    184e:	xchg   %ax,%ax
    1850:	mov    0x90(%rcx),%esi
    1856:	jmp    1450 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x300>
    185b:	nopl   0x0(%rax,%rax,1)
    1860:	mov    0x90(%rcx),%esi
    1866:	jmp    156d <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x41d>
    186b:	nopl   0x0(%rax,%rax,1)
    1870:	mov    0x68(%rcx),%r14d
    1874:	jmp    1533 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x3e3>
    1879:	mov    0x20(%rcx),%rbx
    187d:	vmovq  %xmm22,%r8
    1883:	mov    %rbx,0x10(%rsp)
    1888:	test   %rbx,%rbx
    188b:	je     1c48 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xaf8>
    1891:	vmovdqa64 0x0(%rip),%xmm21        # 189b <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x74b>
    189b:	vmovdqa 0x0(%rip),%xmm0        # 18a3 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x753>
    18a3:	vpxor  %xmm1,%xmm1,%xmm1
    18a7:	mov    $0x1,%r9d
    18ad:	vmovdqa64 0x0(%rip),%xmm20        # 18b7 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x767>
    18b7:	vpaddq %xmm21,%xmm19,%xmm21
    18bd:	vpminsq %xmm0,%xmm21,%xmm0
    18c3:	vpaddq %xmm20,%xmm19,%xmm20
    18c9:	vpmaxsq %xmm1,%xmm0,%xmm0
    18cf:	vmovq  %xmm0,%rdi
    18d4:	vmovdqa 0x0(%rip),%xmm0        # 18dc <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x78c>
    18dc:	shlx   %edi,%r9d,%edi
    18e1:	dec    %edi
    18e3:	vpminsq %xmm0,%xmm20,%xmm0
    18e9:	movzwl %di,%edi
    18ec:	vpmaxsq %xmm1,%xmm0,%xmm0
    18f2:	vmovq  %xmm0,%rsi
    18f7:	vmovdqa 0x0(%rip),%xmm0        # 18ff <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x7af>
    18ff:	shlx   %esi,%r9d,%esi
    1904:	dec    %esi
    1906:	vpaddq %xmm0,%xmm19,%xmm19
    190c:	vmovdqa 0x0(%rip),%xmm0        # 1914 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x7c4>
    1914:	movzwl %si,%esi
    1917:	vpminsq %xmm0,%xmm19,%xmm0
    191d:	vpmaxsq %xmm1,%xmm0,%xmm0
    1923:	vmovq  %xmm0,%rdx
    1928:	shlx   %edx,%r9d,%edx
    192d:	shlx   %r8d,%r9d,%r9d
    1932:	dec    %edx
    1934:	dec    %r9d
    1937:	movzwl %dx,%edx
    193a:	movzwl %r9w,%r9d
    193e:	kmovw  %r9d,%k5
    1943:	vmovups (%rbx),%zmm0{%k5}{z}
    1949:	kmovw  %edi,%k6
    194d:	kmovw  %esi,%k7
    1951:	mov    0x48(%rcx),%r15
    1955:	kmovw  %edx,%k5
    1959:	vmovq  0x8(%rcx),%xmm2
    195e:	vmovaps %zmm0,0x40(%rsp)
    1966:	mov    %r15,%r9
    1969:	vmovups 0x40(%rbx),%zmm0{%k6}{z}
    1970:	vmovaps %zmm0,0x80(%rsp)
    1978:	vmovups 0x80(%rbx),%zmm0{%k7}{z}
    197f:	vmovaps %zmm0,0xc0(%rsp)
    1987:	vmovups 0xc0(%rbx),%zmm0{%k5}{z}
    198e:	vmovaps %zmm0,0x100(%rsp)
    1996:	test   %r15,%r15
    1999:	je     1caa <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xb5a>
    199f:	vmovdqa 0x0(%rip),%xmm0        # 19a7 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x857>
    19a7:	vpxor  %xmm1,%xmm1,%xmm1
    19ab:	mov    $0x1,%edi
    19b0:	vpminsq %xmm0,%xmm21,%xmm0
    19b6:	vpmaxsq %xmm1,%xmm0,%xmm0
    19bc:	vmovq  %xmm0,%r10
    19c1:	vmovdqa 0x0(%rip),%xmm0        # 19c9 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x879>
    19c9:	shlx   %r10d,%edi,%r10d
    19ce:	dec    %r10d
    19d1:	vpminsq %xmm0,%xmm20,%xmm0
    19d7:	movzwl %r10w,%r10d
    19db:	vpmaxsq %xmm1,%xmm0,%xmm0
    19e1:	vmovq  %xmm0,%rsi
    19e6:	vmovdqa 0x0(%rip),%xmm0        # 19ee <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x89e>
    19ee:	shlx   %esi,%edi,%esi
    19f3:	dec    %esi
    19f5:	vpminsq %xmm0,%xmm19,%xmm0
    19fb:	movzwl %si,%esi
    19fe:	vpmaxsq %xmm1,%xmm0,%xmm0
    1a04:	vmovq  %xmm0,%rdx
    1a09:	shlx   %edx,%edi,%edx
    1a0e:	shlx   %r8d,%edi,%edi
    1a13:	dec    %edx
    1a15:	dec    %edi
    1a17:	movzwl %dx,%edx
    1a1a:	movzwl %di,%edi
    1a1d:	kmovw  %edi,%k6
    1a21:	vmovups (%r9),%zmm0{%k6}{z}
    1a27:	kmovw  %r10d,%k7
    1a2c:	kmovw  %esi,%k5
    1a30:	kmovw  %edx,%k6
    1a34:	vmovq  0x30(%rcx),%xmm1
    1a39:	vmovaps %zmm0,0x140(%rsp)
    1a41:	vmovups 0x40(%r9),%zmm0{%k7}{z}
    1a48:	vmovaps %zmm0,0x180(%rsp)
    1a50:	vmovups 0x80(%r9),%zmm0{%k5}{z}
    1a57:	vmovaps %zmm0,0x1c0(%rsp)
    1a5f:	vmovups 0xc0(%r9),%zmm0{%k6}{z}
    1a66:	mov    0x70(%rcx),%r9
    1a6a:	vmovaps %zmm0,0x200(%rsp)
    1a72:	test   %r9,%r9
    1a75:	je     1c97 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xb47>
    1a7b:	vmovdqa 0x0(%rip),%xmm0        # 1a83 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x933>
    1a83:	vpxor  %xmm3,%xmm3,%xmm3
    1a87:	mov    $0x1,%edi
    1a8c:	vpminsq %xmm0,%xmm21,%xmm0
    1a92:	vpmaxsq %xmm3,%xmm0,%xmm0
    1a98:	vmovq  %xmm0,%r10
    1a9d:	vmovdqa 0x0(%rip),%xmm0        # 1aa5 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x955>
    1aa5:	shlx   %r10d,%edi,%r10d
    1aaa:	dec    %r10d
    1aad:	vpminsq %xmm0,%xmm20,%xmm0
    1ab3:	movzwl %r10w,%r10d
    1ab7:	vpmaxsq %xmm3,%xmm0,%xmm0
    1abd:	vmovq  %xmm0,%rsi
    1ac2:	vmovdqa 0x0(%rip),%xmm0        # 1aca <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x97a>
    1aca:	shlx   %esi,%edi,%esi
    1acf:	dec    %esi
    1ad1:	vpminsq %xmm0,%xmm19,%xmm0
    1ad7:	movzwl %si,%esi
    1ada:	vpmaxsq %xmm3,%xmm0,%xmm0
    1ae0:	vmovq  %xmm0,%rdx
    1ae5:	shlx   %edx,%edi,%edx
    1aea:	shlx   %r8d,%edi,%edi
    1aef:	dec    %edx
    1af1:	dec    %edi
    1af3:	movzwl %dx,%edx
    1af6:	movzwl %di,%edi
    1af9:	kmovw  %edi,%k7
    1afd:	vmovups (%r9),%zmm0{%k7}{z}
    1b03:	kmovw  %r10d,%k5
    1b08:	kmovw  %esi,%k6
    1b0c:	kmovw  %edx,%k7
    1b10:	vmovaps %zmm0,0x240(%rsp)
    1b18:	vmovups 0x40(%r9),%zmm0{%k5}{z}
    1b1f:	vmovaps %zmm0,0x280(%rsp)
    1b27:	vmovups 0x80(%r9),%zmm0{%k6}{z}
    1b2e:	vmovaps %zmm0,0x2c0(%rsp)
    1b36:	vmovups 0xc0(%r9),%zmm0{%k7}{z}
    1b3d:	mov    0x98(%rcx),%r9
    1b44:	vmovaps %zmm0,0x300(%rsp)
    1b4c:	vmovq  0x58(%rcx),%xmm0
    1b51:	vpmaxuq %xmm0,%xmm1,%xmm1
    1b57:	vpmaxuq %xmm2,%xmm1,%xmm1
    1b5d:	test   %r9,%r9
    1b60:	je     1c84 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xb34>
    1b66:	vmovdqa 0x0(%rip),%xmm0        # 1b6e <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xa1e>
    1b6e:	vpxor  %xmm2,%xmm2,%xmm2
    1b72:	mov    $0x1,%edi
    1b77:	vpminsq %xmm0,%xmm21,%xmm0
    1b7d:	vpmaxsq %xmm2,%xmm0,%xmm0
    1b83:	vmovq  %xmm0,%r10
    1b88:	vmovdqa 0x0(%rip),%xmm0        # 1b90 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xa40>
    1b90:	shlx   %r10d,%edi,%r10d
    1b95:	dec    %r10d
    1b98:	vpminsq %xmm0,%xmm20,%xmm0
    1b9e:	movzwl %r10w,%r10d
    1ba2:	vpmaxsq %xmm2,%xmm0,%xmm0
    1ba8:	vmovq  %xmm0,%rsi
    1bad:	vmovdqa 0x0(%rip),%xmm0        # 1bb5 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xa65>
    1bb5:	shlx   %esi,%edi,%esi
    1bba:	dec    %esi
    1bbc:	vpminsq %xmm0,%xmm19,%xmm0
    1bc2:	movzwl %si,%esi
    1bc5:	vpmaxsq %xmm2,%xmm0,%xmm0
    1bcb:	vmovq  %xmm0,%rdx
    1bd0:	shlx   %edx,%edi,%edx
    1bd5:	shlx   %r8d,%edi,%edi
    1bda:	dec    %edx
    1bdc:	dec    %edi
    1bde:	movzwl %dx,%edx
    1be1:	movzwl %di,%edi
    1be4:	kmovw  %edi,%k5
    1be8:	vmovups (%r9),%zmm0{%k5}{z}
    1bee:	kmovw  %r10d,%k6
    1bf3:	kmovw  %esi,%k7
    1bf7:	kmovw  %edx,%k1
    1bfb:	vmovaps %zmm0,0x340(%rsp)
    1c03:	vmovups 0x40(%r9),%zmm0{%k6}{z}
    1c0a:	vmovaps %zmm0,0x380(%rsp)
    1c12:	vmovups 0x80(%r9),%zmm0{%k7}{z}
    1c19:	vmovaps %zmm0,0x3c0(%rsp)
    1c21:	vmovups 0xc0(%r9),%zmm0{%k1}{z}
    1c28:	vmovaps %zmm0,0x400(%rsp)
    1c30:	vmovq  0x80(%rcx),%xmm0
    1c38:	vpmaxuq %xmm0,%xmm1,%xmm1
    1c3e:	vmovq  %xmm1,%r13
    1c43:	jmp    1297 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x147>
    1c48:	vmovdqa64 0x0(%rip),%xmm21        # 1c52 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xb02>
    1c52:	vmovdqa64 0x0(%rip),%xmm20        # 1c5c <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xb0c>
    1c5c:	xor    %edx,%edx
    1c5e:	xor    %esi,%esi
    1c60:	vmovdqa 0x0(%rip),%xmm0        # 1c68 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xb18>
    1c68:	xor    %edi,%edi
    1c6a:	xor    %r9d,%r9d
    1c6d:	vpaddq %xmm21,%xmm19,%xmm21
    1c73:	vpaddq %xmm20,%xmm19,%xmm20
    1c79:	vpaddq %xmm0,%xmm19,%xmm19
    1c7f:	jmp    193e <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x7ee>
    1c84:	mov    0x10(%rsp),%r9
    1c89:	xor    %edx,%edx
    1c8b:	xor    %esi,%esi
    1c8d:	xor    %r10d,%r10d
    1c90:	xor    %edi,%edi
    1c92:	jmp    1be4 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xa94>
    1c97:	mov    0x10(%rsp),%r9
    1c9c:	xor    %edx,%edx
    1c9e:	xor    %esi,%esi
    1ca0:	xor    %r10d,%r10d
    1ca3:	xor    %edi,%edi
    1ca5:	jmp    1af9 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x9a9>
    1caa:	mov    %rbx,%r9
    1cad:	xor    %edx,%edx
    1caf:	xor    %esi,%esi
    1cb1:	xor    %r10d,%r10d
    1cb4:	xor    %edi,%edi
    1cb6:	jmp    1a1d <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x8cd>
    1cbb:	vzeroupper
    1cbe:	call   1cc3 <void evsim::(anonymous namespace)::lanes_product<4>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xb73>
    1cc3:	data16 cs nopw 0x0(%rax,%rax,1)
    1cce:	xchg   %ax,%ax

0000000000001cd0 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)>:
    1cd0:	endbr64
    1cd4:	push   %rbp
    1cd5:	vmovq  %rdx,%xmm15
    1cda:	mov    %rsi,%rcx
    1cdd:	mov    %rdi,%rax
    1ce0:	vmovq  %xmm15,%rdx
    1ce5:	mov    %rsp,%rbp
    1ce8:	push   %r15
    1cea:	push   %r14
    1cec:	push   %r13
    1cee:	push   %r12
    1cf0:	push   %rbx
    1cf1:	and    $0xffffffffffffffc0,%rsp
    1cf5:	sub    $0x380,%rsp
    1cfc:	mov    %fs:0x28,%rsi
    1d05:	mov    %rsi,0x378(%rsp)
    1d0d:	xor    %esi,%esi
    1d0f:	vmovdqa64 0x0(%rip),%xmm16        # 1d19 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x49>
    1d19:	vpminsq %xmm16,%xmm15,%xmm16
    1d1f:	test   %rdx,%rdx
    1d22:	jns    22f9 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x629>
    1d28:	vmovq  0x58(%rcx),%xmm1
    1d2d:	vmovq  0x30(%rcx),%xmm13
    1d32:	vxorps %xmm0,%xmm0,%xmm0
    1d36:	vmovaps %zmm0,0x40(%rsp)
    1d3e:	mov    0x48(%rcx),%rsi
    1d42:	vmovdqa64 0x0(%rip),%xmm17        # 1d4c <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x7c>
    1d4c:	vpmaxuq %xmm1,%xmm13,%xmm13
    1d52:	vmovq  0x8(%rcx),%xmm1
    1d57:	vmovaps %zmm0,0x80(%rsp)
    1d5f:	vmovaps %zmm0,0xc0(%rsp)
    1d67:	vpaddq %xmm17,%xmm15,%xmm17
    1d6d:	vmovaps %zmm0,0x100(%rsp)
    1d75:	vpmaxuq %xmm1,%xmm13,%xmm13
    1d7b:	vmovaps %zmm0,0x140(%rsp)
    1d83:	vmovaps %zmm0,0x180(%rsp)
    1d8b:	vmovaps %zmm0,0x1c0(%rsp)
    1d93:	vmovaps %zmm0,0x200(%rsp)
    1d9b:	vmovaps %zmm0,0x240(%rsp)
    1da3:	vmovaps %zmm0,0x280(%rsp)
    1dab:	vmovaps %zmm0,0x2c0(%rsp)
    1db3:	vmovaps %zmm0,0x300(%rsp)
    1dbb:	vmovq  0x80(%rcx),%xmm0
    1dc3:	mov    %rsi,0x20(%rsp)
    1dc8:	mov    0x20(%rcx),%rsi
    1dcc:	vpmaxuq %xmm0,%xmm13,%xmm13
    1dd2:	vmovdqa 0x0(%rip),%xmm0        # 1dda <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x10a>
    1dda:	vmovq  %xmm13,%rdi
    1ddf:	vpaddq %xmm0,%xmm15,%xmm15
    1de3:	test   %rdi,%rdi
    1de6:	je     2136 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x466>
    1dec:	mov    0x28(%rcx),%rbx
    1df0:	vmovq  0x8(%rcx),%xmm0
    1df5:	mov    0x78(%rcx),%r8
    1df9:	mov    (%rcx),%r15
    1dfc:	vmovq  %xmm0,%rdx
    1e01:	mov    0x10(%rcx),%r14
    1e05:	vmovaps 0x40(%rsp),%zmm12
    1e0d:	mov    %rbx,0x38(%rsp)
    1e12:	mov    0x50(%rcx),%rbx
    1e16:	vmovaps 0x80(%rsp),%zmm11
    1e1e:	mov    %r8,0x28(%rsp)
    1e23:	vmovaps 0xc0(%rsp),%zmm10
    1e2b:	mov    0x30(%rcx),%r9
    1e2f:	mov    0x38(%rcx),%r10
    1e33:	vmovaps 0x100(%rsp),%zmm9
    1e3b:	mov    %rbx,0x30(%rsp)
    1e40:	vmovaps 0x140(%rsp),%zmm8
    1e48:	vmovaps 0x180(%rsp),%zmm7
    1e50:	mov    0x58(%rcx),%r11
    1e54:	mov    0x60(%rcx),%rbx
    1e58:	vmovaps 0x1c0(%rsp),%zmm6
    1e60:	vmovaps 0x200(%rsp),%zmm5
    1e68:	vmovaps 0x240(%rsp),%zmm4
    1e70:	mov    0x80(%rcx),%r12
    1e77:	mov    0x88(%rcx),%r13
    1e7e:	vmovaps 0x280(%rsp),%zmm3
    1e86:	vmovaps 0x2c0(%rsp),%zmm2
    1e8e:	vmovaps 0x300(%rsp),%zmm1
    1e96:	test   %rdx,%rdx
    1e99:	je     1fc4 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x2f4>
    1e9f:	vpminuq %xmm0,%xmm13,%xmm13
    1ea5:	vpxor  %xmm0,%xmm0,%xmm0
    1ea9:	mov    %rdi,0x18(%rsp)
    1eae:	mov    %r15,%rdi
    1eb1:	vmovq  %xmm13,%r8
    1eb6:	mov    %rsi,0x10(%rsp)
    1ebb:	vmovq  %xmm0,%rdx
    1ec0:	mov    %r8,%rsi
    1ec3:	nopl   0x0(%rax,%rax,1)
    1ec8:	mov    (%rdi,%rdx,4),%r15d
    1ecc:	vbroadcastss (%r14,%r15,4),%zmm13
    1ed3:	lea    (%r15,%r15,2),%r8
    1ed7:	shl    $0x6,%r8
    1edb:	vfmadd231ps (%rax,%r8,1),%zmm13,%zmm12
    1ee2:	vfmadd231ps 0x40(%rax,%r8,1),%zmm13,%zmm11
    1eea:	vfmadd231ps 0x80(%rax,%r8,1),%zmm13,%zmm10
    1ef2:	cmp    %r9,%rdx
    1ef5:	jb     22c0 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x5f0>
    1efb:	mov    0x40(%rcx),%r15d
    1eff:	vbroadcastss (%r10,%r15,4),%zmm13
    1f06:	lea    (%r15,%r15,2),%r8
    1f0a:	shl    $0x6,%r8
    1f0e:	vfmadd231ps (%rax,%r8,1),%zmm13,%zmm9
    1f15:	vfmadd231ps 0x40(%rax,%r8,1),%zmm13,%zmm8
    1f1d:	vfmadd231ps 0x80(%rax,%r8,1),%zmm13,%zmm7
    1f25:	cmp    %r11,%rdx
    1f28:	jae    22b0 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x5e0>
    1f2e:	mov    0x30(%rsp),%r15
    1f33:	mov    (%r15,%rdx,4),%r15d
    1f37:	vbroadcastss (%rbx,%r15,4),%zmm13
    1f3e:	lea    (%r15,%r15,2),%r8
    1f42:	shl    $0x6,%r8
    1f46:	vfmadd231ps (%rax,%r8,1),%zmm13,%zmm6
    1f4d:	vfmadd231ps 0x40(%rax,%r8,1),%zmm13,%zmm5
    1f55:	vfmadd231ps 0x80(%rax,%r8,1),%zmm13,%zmm4
    1f5d:	cmp    %r12,%rdx
    1f60:	jae    22d0 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x600>
    1f66:	mov    0x28(%rsp),%r15
    1f6b:	mov    (%r15,%rdx,4),%r8d
    1f6f:	vbroadcastss 0x0(%r13,%r8,4),%zmm13
    1f77:	lea    (%r8,%r8,2),%rdx
    1f7b:	shl    $0x6,%rdx
    1f7f:	vfmadd231ps (%rax,%rdx,1),%zmm13,%zmm3
    1f86:	vfmadd231ps 0x40(%rax,%rdx,1),%zmm13,%zmm2
    1f8e:	vfmadd231ps 0x80(%rax,%rdx,1),%zmm13,%zmm1
    1f96:	vmovdqa 0x0(%rip),%xmm13        # 1f9e <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x2ce>
    1f9e:	vpaddq %xmm13,%xmm0,%xmm0
    1fa3:	vmovq  %xmm0,%rdx
    1fa8:	cmp    %rsi,%rdx
    1fab:	jb     1ec8 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x1f8>
    1fb1:	mov    0x18(%rsp),%rdi
    1fb6:	mov    0x10(%rsp),%rsi
    1fbb:	cmp    %rdi,%rdx
    1fbe:	jae    20d6 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x406>
    1fc4:	mov    0x18(%rcx),%r15d
    1fc8:	lea    (%r15,%r15,2),%r8
    1fcc:	vbroadcastss (%r14,%r15,4),%zmm14
    1fd3:	mov    0x28(%rsp),%r15
    1fd8:	shl    $0x6,%r8
    1fdc:	vmovups (%rax,%r8,1),%zmm20
    1fe3:	vmovups 0x40(%rax,%r8,1),%zmm19
    1feb:	vmovups 0x80(%rax,%r8,1),%zmm18
    1ff3:	jmp    20ad <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x3dd>
    1ff8:	nopl   0x0(%rax,%rax,1)
    2000:	mov    0x40(%rcx),%r14d
    2004:	vbroadcastss (%r10,%r14,4),%zmm13
    200b:	lea    (%r14,%r14,2),%r8
    200f:	shl    $0x6,%r8
    2013:	vfmadd231ps (%rax,%r8,1),%zmm13,%zmm9
    201a:	vfmadd231ps 0x40(%rax,%r8,1),%zmm13,%zmm8
    2022:	vfmadd231ps 0x80(%rax,%r8,1),%zmm13,%zmm7
    202a:	cmp    %r11,%rdx
    202d:	jae    22f0 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x620>
    2033:	mov    0x30(%rsp),%r14
    2038:	mov    (%r14,%rdx,4),%r14d
    203c:	vbroadcastss (%rbx,%r14,4),%zmm13
    2043:	lea    (%r14,%r14,2),%r8
    2047:	shl    $0x6,%r8
    204b:	vfmadd231ps (%rax,%r8,1),%zmm13,%zmm6
    2052:	vfmadd231ps 0x40(%rax,%r8,1),%zmm13,%zmm5
    205a:	vfmadd231ps 0x80(%rax,%r8,1),%zmm13,%zmm4
    2062:	cmp    %r12,%rdx
    2065:	jae    22e0 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x610>
    206b:	mov    (%r15,%rdx,4),%r8d
    206f:	vbroadcastss 0x0(%r13,%r8,4),%zmm13
    2077:	lea    (%r8,%r8,2),%rdx
    207b:	shl    $0x6,%rdx
    207f:	vfmadd231ps (%rax,%rdx,1),%zmm13,%zmm3
    2086:	vfmadd231ps 0x40(%rax,%rdx,1),%zmm13,%zmm2
    208e:	vfmadd231ps 0x80(%rax,%rdx,1),%zmm13,%zmm1
    2096:	vmovdqa 0x0(%rip),%xmm13        # 209e <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x3ce>
    209e:	vpaddq %xmm13,%xmm0,%xmm0
    20a3:	vmovq  %xmm0,%rdx
    20a8:	cmp    %rdi,%rdx
    20ab:	jae    20d6 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x406>
    20ad:	vfmadd231ps %zmm14,%zmm20,%zmm12
    20b3:	vfmadd231ps %zmm14,%zmm19,%zmm11
    20b9:	vfmadd231ps %zmm14,%zmm18,%zmm10
    20bf:	cmp    %r9,%rdx
    20c2:	jae    2000 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x330>
    20c8:	mov    0x38(%rsp),%r14
    20cd:	mov    (%r14,%rdx,4),%r14d
    20d1:	jmp    2004 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x334>
    20d6:	vmovaps %zmm12,0x40(%rsp)
    20de:	vmovaps %zmm11,0x80(%rsp)
    20e6:	vmovaps %zmm10,0xc0(%rsp)
    20ee:	vmovaps %zmm9,0x100(%rsp)
    20f6:	vmovaps %zmm8,0x140(%rsp)
    20fe:	vmovaps %zmm7,0x180(%rsp)
    2106:	vmovaps %zmm6,0x1c0(%rsp)
    210e:	vmovaps %zmm5,0x200(%rsp)
    2116:	vmovaps %zmm4,0x240(%rsp)
    211e:	vmovaps %zmm3,0x280(%rsp)
    2126:	vmovaps %zmm2,0x2c0(%rsp)
    212e:	vmovaps %zmm1,0x300(%rsp)
    2136:	vpxor  %xmm0,%xmm0,%xmm0
    213a:	mov    $0x1,%edx
    213f:	vpxor  %xmm1,%xmm1,%xmm1
    2143:	vpmaxsq %xmm0,%xmm16,%xmm0
    2149:	vmovq  %xmm0,%rax
    214e:	vmovdqa 0x0(%rip),%xmm0        # 2156 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x486>
    2156:	shlx   %eax,%edx,%eax
    215b:	dec    %eax
    215d:	vpminsq %xmm0,%xmm17,%xmm0
    2163:	kmovw  %eax,%k2
    2167:	vpmaxsq %xmm1,%xmm0,%xmm0
    216d:	vmovq  %xmm0,%rax
    2172:	vmovdqa 0x0(%rip),%xmm0        # 217a <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x4aa>
    217a:	shlx   %eax,%edx,%eax
    217f:	dec    %eax
    2181:	vpminsq %xmm0,%xmm15,%xmm0
    2187:	kmovw  %eax,%k1
    218b:	vpmaxsq %xmm1,%xmm0,%xmm0
    2191:	vmovq  %xmm0,%rax
    2196:	shlx   %eax,%edx,%edx
    219b:	lea    -0x1(%rdx),%eax
    219e:	kmovw  %eax,%k3
    21a2:	test   %rsi,%rsi
    21a5:	je     21dc <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x50c>
    21a7:	vmovaps 0x40(%rsp),%zmm3
    21af:	vmovups %zmm3,(%rsi){%k2}
    21b5:	vmovaps 0x80(%rsp),%zmm4
    21bd:	vmovups %zmm4,0x40(%rsi){%k1}
    21c4:	vmovaps 0xc0(%rsp),%zmm5
    21cc:	vmovups %zmm5,0x80(%rsi){%k3}
    21d3:	mov    0x48(%rcx),%rax
    21d7:	mov    %rax,0x20(%rsp)
    21dc:	mov    0x20(%rsp),%rax
    21e1:	test   %rax,%rax
    21e4:	je     2212 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x542>
    21e6:	vmovaps 0x100(%rsp),%zmm6
    21ee:	vmovups %zmm6,(%rax){%k2}
    21f4:	vmovaps 0x140(%rsp),%zmm7
    21fc:	vmovups %zmm7,0x40(%rax){%k1}
    2203:	vmovaps 0x180(%rsp),%zmm3
    220b:	vmovups %zmm3,0x80(%rax){%k3}
    2212:	mov    0x70(%rcx),%rax
    2216:	test   %rax,%rax
    2219:	je     2247 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x577>
    221b:	vmovaps 0x1c0(%rsp),%zmm4
    2223:	vmovups %zmm4,(%rax){%k2}
    2229:	vmovaps 0x200(%rsp),%zmm5
    2231:	vmovups %zmm5,0x40(%rax){%k1}
    2238:	vmovaps 0x240(%rsp),%zmm6
    2240:	vmovups %zmm6,0x80(%rax){%k3}
    2247:	mov    0x98(%rcx),%rax
    224e:	test   %rax,%rax
    2251:	je     227f <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x5af>
    2253:	vmovaps 0x280(%rsp),%zmm7
    225b:	vmovups %zmm7,(%rax){%k2}
    2261:	vmovaps 0x2c0(%rsp),%zmm2
    2269:	vmovups %zmm2,0x40(%rax){%k1}
    2270:	vmovaps 0x300(%rsp),%zmm3
    2278:	vmovups %zmm3,0x80(%rax){%k3}
    227f:	mov    0x378(%rsp),%rax
    2287:	sub    %fs:0x28,%rax
    2290:	jne    2636 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x966>
    2296:	vzeroupper
    2299:	lea    -0x28(%rbp),%rsp
    229d:	pop    %rbx
    229e:	pop    %r12
    22a0:	pop    %r13
    22a2:	pop    %r14
    22a4:	pop    %r15
    22a6:	pop    %rbp
    22a7:	ret
    22a8:	nopl   0x0(%rax,%rax,1)
    22b0:	mov    0x68(%rcx),%r15d
    22b4:	jmp    1f37 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x267>
    22b9:	nopl   0x0(%rax)
    22c0:	mov    0x38(%rsp),%r15
    22c5:	mov    (%r15,%rdx,4),%r15d
    22c9:	jmp    1eff <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x22f>
    22ce:	xchg   %ax,%ax
    22d0:	mov    0x90(%rcx),%r8d
    22d7:	jmp    1f6f <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x29f>
    22dc:	nopl   0x0(%rax)
    22e0:	mov    0x90(%rcx),%r8d
    22e7:	jmp    206f <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x39f>
    22ec:	nopl   0x0(%rax)
    22f0:	mov    0x68(%rcx),%r14d
    22f4:	jmp    203c <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x36c>
    22f9:	mov    0x20(%rcx),%rsi
    22fd:	vmovq  %xmm16,%r10
    2303:	test   %rsi,%rsi
    2306:	je     25e1 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x911>
    230c:	vmovdqa64 0x0(%rip),%xmm17        # 2316 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x646>
    2316:	vmovdqa 0x0(%rip),%xmm0        # 231e <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x64e>
    231e:	vpxor  %xmm1,%xmm1,%xmm1
    2322:	mov    $0x1,%r8d
    2328:	vpaddq %xmm17,%xmm15,%xmm17
    232e:	vpminsq %xmm0,%xmm17,%xmm0
    2334:	vpmaxsq %xmm1,%xmm0,%xmm0
    233a:	vmovq  %xmm0,%rdi
    233f:	vmovdqa 0x0(%rip),%xmm0        # 2347 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x677>
    2347:	shlx   %edi,%r8d,%edi
    234c:	dec    %edi
    234e:	vpaddq %xmm0,%xmm15,%xmm15
    2352:	vmovdqa 0x0(%rip),%xmm0        # 235a <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x68a>
    235a:	movzwl %di,%edi
    235d:	vpminsq %xmm0,%xmm15,%xmm0
    2363:	vpmaxsq %xmm1,%xmm0,%xmm0
    2369:	vmovq  %xmm0,%rdx
    236e:	shlx   %edx,%r8d,%edx
    2373:	shlx   %r10d,%r8d,%r8d
    2378:	dec    %edx
    237a:	dec    %r8d
    237d:	movzwl %dx,%edx
    2380:	movzwl %r8w,%r8d
    2384:	kmovw  %r8d,%k4
    2389:	vmovups (%rsi),%zmm0{%k4}{z}
    238f:	kmovw  %edi,%k5
    2393:	mov    0x48(%rcx),%rbx
    2397:	kmovw  %edx,%k6
    239b:	vmovq  0x8(%rcx),%xmm1
    23a0:	vmovaps %zmm0,0x40(%rsp)
    23a8:	mov    %rbx,%r9
    23ab:	vmovups 0x40(%rsi),%zmm0{%k5}{z}
    23b2:	vmovaps %zmm0,0x80(%rsp)
    23ba:	vmovups 0x80(%rsi),%zmm0{%k6}{z}
    23c1:	mov    %rbx,0x20(%rsp)
    23c6:	vmovaps %zmm0,0xc0(%rsp)
    23ce:	test   %rbx,%rbx
    23d1:	je     2627 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x957>
    23d7:	vmovdqa 0x0(%rip),%xmm0        # 23df <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x70f>
    23df:	vpxor  %xmm2,%xmm2,%xmm2
    23e3:	mov    $0x1,%r8d
    23e9:	vpminsq %xmm0,%xmm17,%xmm0
    23ef:	vpmaxsq %xmm2,%xmm0,%xmm0
    23f5:	vmovq  %xmm0,%rdi
    23fa:	vmovdqa 0x0(%rip),%xmm0        # 2402 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x732>
    2402:	shlx   %edi,%r8d,%edi
    2407:	dec    %edi
    2409:	vpminsq %xmm0,%xmm15,%xmm0
    240f:	movzwl %di,%edi
    2412:	vpmaxsq %xmm2,%xmm0,%xmm0
    2418:	vmovq  %xmm0,%rdx
    241d:	shlx   %edx,%r8d,%edx
    2422:	shlx   %r10d,%r8d,%r8d
    2427:	dec    %edx
    2429:	dec    %r8d
    242c:	movzwl %dx,%edx
    242f:	movzwl %r8w,%r8d
    2433:	kmovw  %r8d,%k7
    2438:	vmovups (%r9),%zmm0{%k7}{z}
    243e:	kmovw  %edi,%k4
    2442:	kmovw  %edx,%k5
    2446:	vmovq  0x30(%rcx),%xmm13
    244b:	vmovaps %zmm0,0x100(%rsp)
    2453:	vmovups 0x40(%r9),%zmm0{%k4}{z}
    245a:	vmovaps %zmm0,0x140(%rsp)
    2462:	vmovups 0x80(%r9),%zmm0{%k5}{z}
    2469:	mov    0x70(%rcx),%r9
    246d:	vmovaps %zmm0,0x180(%rsp)
    2475:	test   %r9,%r9
    2478:	je     2618 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x948>
    247e:	vmovdqa 0x0(%rip),%xmm0        # 2486 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x7b6>
    2486:	vpxor  %xmm2,%xmm2,%xmm2
    248a:	mov    $0x1,%r8d
    2490:	vpminsq %xmm0,%xmm17,%xmm0
    2496:	vpmaxsq %xmm2,%xmm0,%xmm0
    249c:	vmovq  %xmm0,%rdi
    24a1:	vmovdqa 0x0(%rip),%xmm0        # 24a9 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x7d9>
    24a9:	shlx   %edi,%r8d,%edi
    24ae:	dec    %edi
    24b0:	vpminsq %xmm0,%xmm15,%xmm0
    24b6:	movzwl %di,%edi
    24b9:	vpmaxsq %xmm2,%xmm0,%xmm0
    24bf:	vmovq  %xmm0,%rdx
    24c4:	shlx   %edx,%r8d,%edx
    24c9:	shlx   %r10d,%r8d,%r8d
    24ce:	dec    %edx
    24d0:	dec    %r8d
    24d3:	movzwl %dx,%edx
    24d6:	movzwl %r8w,%r8d
    24da:	kmovw  %r8d,%k6
    24df:	vmovups (%r9),%zmm0{%k6}{z}
    24e5:	kmovw  %edi,%k7
    24e9:	kmovw  %edx,%k4
    24ed:	vmovaps %zmm0,0x1c0(%rsp)
    24f5:	vmovups 0x40(%r9),%zmm0{%k7}{z}
    24fc:	vmovaps %zmm0,0x200(%rsp)
    2504:	vmovups 0x80(%r9),%zmm0{%k4}{z}
    250b:	mov    0x98(%rcx),%r9
    2512:	vmovaps %zmm0,0x240(%rsp)
    251a:	vmovq  0x58(%rcx),%xmm0
    251f:	vpmaxuq %xmm0,%xmm13,%xmm13
    2525:	vpmaxuq %xmm1,%xmm13,%xmm13
    252b:	test   %r9,%r9
    252e:	je     2609 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x939>
    2534:	vmovdqa 0x0(%rip),%xmm0        # 253c <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x86c>
    253c:	vpxor  %xmm1,%xmm1,%xmm1
    2540:	mov    $0x1,%r8d
    2546:	vpminsq %xmm0,%xmm17,%xmm0
    254c:	vpmaxsq %xmm1,%xmm0,%xmm0
    2552:	vmovq  %xmm0,%rdi
    2557:	vmovdqa 0x0(%rip),%xmm0        # 255f <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x88f>
    255f:	shlx   %edi,%r8d,%edi
    2564:	dec    %edi
    2566:	vpminsq %xmm0,%xmm15,%xmm0
    256c:	movzwl %di,%edi
    256f:	vpmaxsq %xmm1,%xmm0,%xmm0
    2575:	vmovq  %xmm0,%rdx
    257a:	shlx   %edx,%r8d,%edx
    257f:	shlx   %r10d,%r8d,%r8d
    2584:	dec    %edx
    2586:	dec    %r8d
    2589:	movzwl %dx,%edx
    258c:	movzwl %r8w,%r8d
    2590:	kmovw  %r8d,%k5
    2595:	vmovups (%r9),%zmm0{%k5}{z}
    259b:	kmovw  %edi,%k6
    259f:	kmovw  %edx,%k7
    25a3:	vmovaps %zmm0,0x280(%rsp)
    25ab:	vmovups 0x40(%r9),%zmm0{%k6}{z}
    25b2:	vmovaps %zmm0,0x2c0(%rsp)
    25ba:	vmovups 0x80(%r9),%zmm0{%k7}{z}
    25c1:	vmovaps %zmm0,0x300(%rsp)
    25c9:	vmovq  0x80(%rcx),%xmm0
    25d1:	vpmaxuq %xmm0,%xmm13,%xmm13
    25d7:	vmovq  %xmm13,%rdi
    25dc:	jmp    1de3 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x113>
    25e1:	vmovdqa64 0x0(%rip),%xmm17        # 25eb <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x91b>
    25eb:	vmovdqa 0x0(%rip),%xmm0        # 25f3 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x923>
    25f3:	xor    %edx,%edx
    25f5:	xor    %edi,%edi
    25f7:	xor    %r8d,%r8d
    25fa:	vpaddq %xmm17,%xmm15,%xmm17
    2600:	vpaddq %xmm0,%xmm15,%xmm15
    2604:	jmp    2384 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x6b4>
    2609:	mov    %rsi,%r9
    260c:	xor    %edx,%edx
    260e:	xor    %edi,%edi
    2610:	xor    %r8d,%r8d
    2613:	jmp    2590 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x8c0>
    2618:	mov    %rsi,%r9
    261b:	xor    %edx,%edx
    261d:	xor    %edi,%edi
    261f:	xor    %r8d,%r8d
    2622:	jmp    24da <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x80a>
    2627:	mov    %rsi,%r9
    262a:	xor    %edx,%edx
    262c:	xor    %edi,%edi
    262e:	xor    %r8d,%r8d
    2631:	jmp    2433 <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x763>
    2636:	vzeroupper
    2639:	call   263e <void evsim::(anonymous namespace)::lanes_product<3>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x96e>
    263e:	xchg   %ax,%ax

0000000000002640 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)>:
    2640:	endbr64
    2644:	push   %rbp
    2645:	vmovq  %rdx,%xmm0
    264a:	mov    %rsi,%rcx
    264d:	mov    %rdi,%rax
    2650:	vmovq  %xmm0,%rdx
    2655:	mov    %rsp,%rbp
    2658:	push   %r15
    265a:	push   %r14
    265c:	push   %r13
    265e:	push   %r12
    2660:	push   %rbx
    2661:	and    $0xffffffffffffffc0,%rsp
    2665:	sub    $0x280,%rsp
    266c:	mov    %fs:0x28,%rsi
    2675:	mov    %rsi,0x278(%rsp)
    267d:	xor    %esi,%esi
    267f:	vmovdqa 0x0(%rip),%xmm11        # 2687 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x47>
    2687:	vpminsq %xmm11,%xmm0,%xmm11
    268d:	test   %rdx,%rdx
    2690:	jns    2b38 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x4f8>
    2696:	vmovq  0x58(%rcx),%xmm2
    269b:	vmovq  0x30(%rcx),%xmm9
    26a0:	vxorps %xmm1,%xmm1,%xmm1
    26a4:	mov    0x20(%rcx),%rbx
    26a8:	vmovaps %zmm1,0x40(%rsp)
    26b0:	mov    0x48(%rcx),%r15
    26b4:	vpmaxuq %xmm2,%xmm9,%xmm9
    26ba:	vmovq  0x8(%rcx),%xmm2
    26bf:	vmovaps %zmm1,0x80(%rsp)
    26c7:	vmovaps %zmm1,0xc0(%rsp)
    26cf:	vmovaps %zmm1,0x100(%rsp)
    26d7:	vpmaxuq %xmm2,%xmm9,%xmm9
    26dd:	vmovaps %zmm1,0x140(%rsp)
    26e5:	vmovaps %zmm1,0x180(%rsp)
    26ed:	vmovaps %zmm1,0x1c0(%rsp)
    26f5:	vmovaps %zmm1,0x200(%rsp)
    26fd:	vmovq  0x80(%rcx),%xmm1
    2705:	mov    %rbx,0x18(%rsp)
    270a:	vpmaxuq %xmm1,%xmm9,%xmm9
    2710:	vmovdqa 0x0(%rip),%xmm1        # 2718 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xd8>
    2718:	vmovq  %xmm9,%r12
    271d:	vpaddq %xmm1,%xmm0,%xmm12
    2721:	test   %r12,%r12
    2724:	je     29e3 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x3a3>
    272a:	mov    0x28(%rcx),%rbx
    272e:	vmovq  0x8(%rcx),%xmm0
    2733:	mov    (%rcx),%r14
    2736:	mov    0x10(%rcx),%r13
    273a:	vmovq  %xmm0,%rdx
    273f:	vmovaps 0x40(%rsp),%zmm8
    2747:	vmovaps 0x80(%rsp),%zmm7
    274f:	mov    %rbx,0x28(%rsp)
    2754:	mov    0x50(%rcx),%rbx
    2758:	mov    0x30(%rcx),%rdi
    275c:	mov    0x38(%rcx),%r8
    2760:	vmovaps 0xc0(%rsp),%zmm6
    2768:	vmovaps 0x100(%rsp),%zmm5
    2770:	mov    0x58(%rcx),%r9
    2774:	mov    %rbx,0x38(%rsp)
    2779:	mov    0x78(%rcx),%rbx
    277d:	mov    0x60(%rcx),%r10
    2781:	vmovaps 0x140(%rsp),%zmm4
    2789:	vmovaps 0x180(%rsp),%zmm3
    2791:	mov    0x80(%rcx),%r11
    2798:	vmovaps 0x1c0(%rsp),%zmm2
    27a0:	mov    %rbx,0x20(%rsp)
    27a5:	vmovaps 0x200(%rsp),%zmm1
    27ad:	mov    0x88(%rcx),%rbx
    27b4:	test   %rdx,%rdx
    27b7:	je     28b5 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x275>
    27bd:	vpminuq %xmm0,%xmm9,%xmm9
    27c3:	vpxor  %xmm0,%xmm0,%xmm0
    27c7:	mov    %r12,0x10(%rsp)
    27cc:	mov    %r14,%r12
    27cf:	vmovq  %xmm9,0x30(%rsp)
    27d5:	vmovq  %xmm0,%rdx
    27da:	nopw   0x0(%rax,%rax,1)
    27e0:	mov    (%r12,%rdx,4),%r14d
    27e4:	vbroadcastss 0x0(%r13,%r14,4),%zmm9
    27ec:	mov    %r14,%rsi
    27ef:	shl    $0x7,%rsi
    27f3:	vfmadd231ps (%rax,%rsi,1),%zmm9,%zmm8
    27fa:	vfmadd231ps 0x40(%rax,%rsi,1),%zmm9,%zmm7
    2802:	cmp    %rdi,%rdx
    2805:	jb     2b00 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x4c0>
    280b:	mov    0x40(%rcx),%esi
    280e:	vbroadcastss (%r8,%rsi,4),%zmm9
    2815:	mov    %rsi,%r14
    2818:	shl    $0x7,%r14
    281c:	vfmadd231ps (%rax,%r14,1),%zmm9,%zmm6
    2823:	vfmadd231ps 0x40(%rax,%r14,1),%zmm9,%zmm5
    282b:	cmp    %r9,%rdx
    282e:	jae    2af0 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x4b0>
    2834:	mov    0x38(%rsp),%rsi
    2839:	mov    (%rsi,%rdx,4),%esi
    283c:	vbroadcastss (%r10,%rsi,4),%zmm9
    2843:	mov    %rsi,%r14
    2846:	shl    $0x7,%r14
    284a:	vfmadd231ps (%rax,%r14,1),%zmm9,%zmm4
    2851:	vfmadd231ps 0x40(%rax,%r14,1),%zmm9,%zmm3
    2859:	cmp    %r11,%rdx
    285c:	jae    2b10 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x4d0>
    2862:	mov    0x20(%rsp),%rsi
    2867:	mov    (%rsi,%rdx,4),%edx
    286a:	vbroadcastss (%rbx,%rdx,4),%zmm9
    2871:	mov    %rdx,%rsi
    2874:	shl    $0x7,%rsi
    2878:	vfmadd231ps (%rax,%rsi,1),%zmm9,%zmm2
    287f:	vfmadd231ps 0x40(%rax,%rsi,1),%zmm9,%zmm1
    2887:	vmovdqa 0x0(%rip),%xmm9        # 288f <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x24f>
    288f:	mov    0x30(%rsp),%rsi
    2894:	vpaddq %xmm9,%xmm0,%xmm0
    2899:	vmovq  %xmm0,%rdx
    289e:	cmp    %rsi,%rdx
    28a1:	jb     27e0 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x1a0>
    28a7:	mov    0x10(%rsp),%r12
    28ac:	cmp    %r12,%rdx
    28af:	jae    29a3 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x363>
    28b5:	mov    0x18(%rcx),%r14d
    28b9:	mov    %r15,0x30(%rsp)
    28be:	mov    0x28(%rsp),%r15
    28c3:	mov    %r14,%rsi
    28c6:	vbroadcastss 0x0(%r13,%r14,4),%zmm10
    28ce:	mov    0x20(%rsp),%r13
    28d3:	shl    $0x7,%rsi
    28d7:	vmovups (%rax,%rsi,1),%zmm14
    28de:	vmovups 0x40(%rax,%rsi,1),%zmm13
    28e6:	jmp    2980 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x340>
    28eb:	nopl   0x0(%rax,%rax,1)
    28f0:	mov    0x40(%rcx),%esi
    28f3:	vbroadcastss (%r8,%rsi,4),%zmm9
    28fa:	mov    %rsi,%r14
    28fd:	shl    $0x7,%r14
    2901:	vfmadd231ps (%rax,%r14,1),%zmm9,%zmm6
    2908:	vfmadd231ps 0x40(%rax,%r14,1),%zmm9,%zmm5
    2910:	cmp    %r9,%rdx
    2913:	jae    2b30 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x4f0>
    2919:	mov    0x38(%rsp),%rsi
    291e:	mov    (%rsi,%rdx,4),%esi
    2921:	vbroadcastss (%r10,%rsi,4),%zmm9
    2928:	mov    %rsi,%r14
    292b:	shl    $0x7,%r14
    292f:	vfmadd231ps (%rax,%r14,1),%zmm9,%zmm4
    2936:	vfmadd231ps 0x40(%rax,%r14,1),%zmm9,%zmm3
    293e:	cmp    %r11,%rdx
    2941:	jae    2b20 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x4e0>
    2947:	mov    0x0(%r13,%rdx,4),%edx
    294c:	vbroadcastss (%rbx,%rdx,4),%zmm9
    2953:	mov    %rdx,%rsi
    2956:	shl    $0x7,%rsi
    295a:	vfmadd231ps (%rax,%rsi,1),%zmm9,%zmm2
    2961:	vfmadd231ps 0x40(%rax,%rsi,1),%zmm9,%zmm1
    2969:	vmovdqa 0x0(%rip),%xmm9        # 2971 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x331>
    2971:	vpaddq %xmm9,%xmm0,%xmm0
    2976:	vmovq  %xmm0,%rdx
    297b:	cmp    %r12,%rdx
    297e:	jae    299e <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x35e>
    2980:	vfmadd231ps %zmm10,%zmm14,%zmm8
    2986:	vfmadd231ps %zmm10,%zmm13,%zmm7
    298c:	cmp    %rdi,%rdx
    298f:	jae    28f0 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x2b0>
    2995:	mov    (%r15,%rdx,4),%esi
    2999:	jmp    28f3 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x2b3>
    299e:	mov    0x30(%rsp),%r15
    29a3:	vmovaps %zmm8,0x40(%rsp)
    29ab:	vmovaps %zmm7,0x80(%rsp)
    29b3:	vmovaps %zmm6,0xc0(%rsp)
    29bb:	vmovaps %zmm5,0x100(%rsp)
    29c3:	vmovaps %zmm4,0x140(%rsp)
    29cb:	vmovaps %zmm3,0x180(%rsp)
    29d3:	vmovaps %zmm2,0x1c0(%rsp)
    29db:	vmovaps %zmm1,0x200(%rsp)
    29e3:	vpxor  %xmm0,%xmm0,%xmm0
    29e7:	mov    $0x1,%edx
    29ec:	vpxor  %xmm1,%xmm1,%xmm1
    29f0:	vpmaxsq %xmm0,%xmm11,%xmm0
    29f6:	vmovq  %xmm0,%rax
    29fb:	vmovdqa 0x0(%rip),%xmm0        # 2a03 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x3c3>
    2a03:	shlx   %eax,%edx,%eax
    2a08:	dec    %eax
    2a0a:	vpminsq %xmm0,%xmm12,%xmm0
    2a10:	kmovw  %eax,%k1
    2a14:	vpmaxsq %xmm1,%xmm0,%xmm0
    2a1a:	vmovq  %xmm0,%rax
    2a1f:	shlx   %eax,%edx,%edx
    2a24:	lea    -0x1(%rdx),%eax
    2a27:	kmovw  %eax,%k2
    2a2b:	mov    0x18(%rsp),%rax
    2a30:	test   %rax,%rax
    2a33:	je     2a56 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x416>
    2a35:	vmovaps 0x40(%rsp),%zmm3
    2a3d:	vmovups %zmm3,(%rax){%k1}
    2a43:	vmovaps 0x80(%rsp),%zmm4
    2a4b:	vmovups %zmm4,0x40(%rax){%k2}
    2a52:	mov    0x48(%rcx),%r15
    2a56:	test   %r15,%r15
    2a59:	je     2a78 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x438>
    2a5b:	vmovaps 0xc0(%rsp),%zmm5
    2a63:	vmovups %zmm5,(%r15){%k1}
    2a69:	vmovaps 0x100(%rsp),%zmm6
    2a71:	vmovups %zmm6,0x40(%r15){%k2}
    2a78:	mov    0x70(%rcx),%rax
    2a7c:	test   %rax,%rax
    2a7f:	je     2a9e <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x45e>
    2a81:	vmovaps 0x140(%rsp),%zmm7
    2a89:	vmovups %zmm7,(%rax){%k1}
    2a8f:	vmovaps 0x180(%rsp),%zmm3
    2a97:	vmovups %zmm3,0x40(%rax){%k2}
    2a9e:	mov    0x98(%rcx),%rax
    2aa5:	test   %rax,%rax
    2aa8:	je     2ac7 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x487>
    2aaa:	vmovaps 0x1c0(%rsp),%zmm4
    2ab2:	vmovups %zmm4,(%rax){%k1}
    2ab8:	vmovaps 0x200(%rsp),%zmm5
    2ac0:	vmovups %zmm5,0x40(%rax){%k2}
    2ac7:	mov    0x278(%rsp),%rax
    2acf:	sub    %fs:0x28,%rax
    2ad8:	jne    2d61 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x721>
    2ade:	vzeroupper
    2ae1:	lea    -0x28(%rbp),%rsp
    2ae5:	pop    %rbx
    2ae6:	pop    %r12
    2ae8:	pop    %r13
    2aea:	pop    %r14
    2aec:	pop    %r15
    2aee:	pop    %rbp
    2aef:	ret
    2af0:	mov    0x68(%rcx),%esi
    2af3:	jmp    283c <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x1fc>
    2af8:	nopl   0x0(%rax,%rax,1)
    2b00:	mov    0x28(%rsp),%rsi
    2b05:	mov    (%rsi,%rdx,4),%esi
    2b08:	jmp    280e <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x1ce>
    2b0d:	nopl   (%rax)
    2b10:	mov    0x90(%rcx),%edx
    2b16:	jmp    286a <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x22a>
    2b1b:	nopl   0x0(%rax,%rax,1)
    2b20:	mov    0x90(%rcx),%edx
    2b26:	jmp    294c <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x30c>
    2b2b:	nopl   0x0(%rax,%rax,1)
    2b30:	mov    0x68(%rcx),%esi
    2b33:	jmp    2921 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x2e1>
    2b38:	mov    0x20(%rcx),%rbx
    2b3c:	vmovq  %xmm11,%rsi
    2b41:	mov    %rbx,0x18(%rsp)
    2b46:	test   %rbx,%rbx
    2b49:	je     2d27 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x6e7>
    2b4f:	vmovdqa 0x0(%rip),%xmm1        # 2b57 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x517>
    2b57:	mov    $0x1,%edi
    2b5c:	vpaddq %xmm1,%xmm0,%xmm12
    2b60:	vmovdqa 0x0(%rip),%xmm0        # 2b68 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x528>
    2b68:	vpxor  %xmm1,%xmm1,%xmm1
    2b6c:	vpminsq %xmm0,%xmm12,%xmm0
    2b72:	vpmaxsq %xmm1,%xmm0,%xmm0
    2b78:	vmovq  %xmm0,%rdx
    2b7d:	shlx   %edx,%edi,%edx
    2b82:	shlx   %esi,%edi,%edi
    2b87:	dec    %edx
    2b89:	dec    %edi
    2b8b:	movzwl %dx,%edx
    2b8e:	movzwl %di,%edi
    2b91:	kmovw  %edi,%k3
    2b95:	vmovups (%rbx),%zmm0{%k3}{z}
    2b9b:	mov    0x48(%rcx),%r15
    2b9f:	kmovw  %edx,%k4
    2ba3:	vmovq  0x8(%rcx),%xmm1
    2ba8:	vmovaps %zmm0,0x40(%rsp)
    2bb0:	mov    %r15,%r8
    2bb3:	vmovups 0x40(%rbx),%zmm0{%k4}{z}
    2bba:	vmovaps %zmm0,0x80(%rsp)
    2bc2:	test   %r15,%r15
    2bc5:	je     2d55 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x715>
    2bcb:	vmovdqa 0x0(%rip),%xmm0        # 2bd3 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x593>
    2bd3:	vpxor  %xmm2,%xmm2,%xmm2
    2bd7:	mov    $0x1,%edi
    2bdc:	vpminsq %xmm0,%xmm12,%xmm0
    2be2:	vpmaxsq %xmm2,%xmm0,%xmm0
    2be8:	vmovq  %xmm0,%rdx
    2bed:	shlx   %edx,%edi,%edx
    2bf2:	shlx   %esi,%edi,%edi
    2bf7:	dec    %edx
    2bf9:	dec    %edi
    2bfb:	movzwl %dx,%edx
    2bfe:	movzwl %di,%edi
    2c01:	kmovw  %edi,%k5
    2c05:	vmovups (%r8),%zmm0{%k5}{z}
    2c0b:	kmovw  %edx,%k6
    2c0f:	vmovq  0x30(%rcx),%xmm9
    2c14:	vmovaps %zmm0,0xc0(%rsp)
    2c1c:	vmovups 0x40(%r8),%zmm0{%k6}{z}
    2c23:	mov    0x70(%rcx),%r8
    2c27:	vmovaps %zmm0,0x100(%rsp)
    2c2f:	test   %r8,%r8
    2c32:	je     2d47 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x707>
    2c38:	vmovdqa 0x0(%rip),%xmm0        # 2c40 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x600>
    2c40:	vpxor  %xmm2,%xmm2,%xmm2
    2c44:	mov    $0x1,%edi
    2c49:	vpminsq %xmm0,%xmm12,%xmm0
    2c4f:	vpmaxsq %xmm2,%xmm0,%xmm0
    2c55:	vmovq  %xmm0,%rdx
    2c5a:	shlx   %edx,%edi,%edx
    2c5f:	shlx   %esi,%edi,%edi
    2c64:	dec    %edx
    2c66:	dec    %edi
    2c68:	movzwl %dx,%edx
    2c6b:	movzwl %di,%edi
    2c6e:	kmovw  %edi,%k7
    2c72:	vmovups (%r8),%zmm0{%k7}{z}
    2c78:	kmovw  %edx,%k3
    2c7c:	vmovaps %zmm0,0x140(%rsp)
    2c84:	vmovups 0x40(%r8),%zmm0{%k3}{z}
    2c8b:	mov    0x98(%rcx),%r8
    2c92:	vmovaps %zmm0,0x180(%rsp)
    2c9a:	vmovq  0x58(%rcx),%xmm0
    2c9f:	vpmaxuq %xmm0,%xmm9,%xmm9
    2ca5:	vpmaxuq %xmm1,%xmm9,%xmm9
    2cab:	test   %r8,%r8
    2cae:	je     2d3c <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x6fc>
    2cb4:	vmovdqa 0x0(%rip),%xmm0        # 2cbc <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x67c>
    2cbc:	vpxor  %xmm1,%xmm1,%xmm1
    2cc0:	mov    $0x1,%edi
    2cc5:	shlx   %esi,%edi,%esi
    2cca:	dec    %esi
    2ccc:	vpminsq %xmm0,%xmm12,%xmm0
    2cd2:	movzwl %si,%esi
    2cd5:	vpmaxsq %xmm1,%xmm0,%xmm0
    2cdb:	vmovq  %xmm0,%rdx
    2ce0:	shlx   %edx,%edi,%edx
    2ce5:	dec    %edx
    2ce7:	movzwl %dx,%edx
    2cea:	kmovw  %esi,%k4
    2cee:	vmovups (%r8),%zmm0{%k4}{z}
    2cf4:	kmovw  %edx,%k5
    2cf8:	vmovaps %zmm0,0x1c0(%rsp)
    2d00:	vmovups 0x40(%r8),%zmm0{%k5}{z}
    2d07:	vmovaps %zmm0,0x200(%rsp)
    2d0f:	vmovq  0x80(%rcx),%xmm0
    2d17:	vpmaxuq %xmm0,%xmm9,%xmm9
    2d1d:	vmovq  %xmm9,%r12
    2d22:	jmp    2721 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0xe1>
    2d27:	vmovdqa 0x0(%rip),%xmm1        # 2d2f <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x6ef>
    2d2f:	xor    %edx,%edx
    2d31:	xor    %edi,%edi
    2d33:	vpaddq %xmm1,%xmm0,%xmm12
    2d37:	jmp    2b91 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x551>
    2d3c:	mov    0x18(%rsp),%r8
    2d41:	xor    %edx,%edx
    2d43:	xor    %esi,%esi
    2d45:	jmp    2cea <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x6aa>
    2d47:	mov    0x18(%rsp),%r8
    2d4c:	xor    %edx,%edx
    2d4e:	xor    %edi,%edi
    2d50:	jmp    2c6e <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x62e>
    2d55:	mov    %rbx,%r8
    2d58:	xor    %edx,%edx
    2d5a:	xor    %edi,%edi
    2d5c:	jmp    2c01 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x5c1>
    2d61:	vzeroupper
    2d64:	call   2d69 <void evsim::(anonymous namespace)::lanes_product<2>(float const*, evsim::(anonymous namespace)::Lane const*, long)+0x729>
    2d69:	nopl   0x0(%rax)

0000000000002d70 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int)>:
    2d70:	endbr64
    2d74:	push   %rbx
    2d75:	sub    $0x50,%rsp
    2d79:	mov    %fs:0x28,%rax
    2d82:	mov    %rax,0x48(%rsp)
    2d87:	xor    %eax,%eax
    2d89:	mov    0x8(%rsi),%rax
    2d8d:	mov    0x10(%rdx),%r8
    2d91:	sub    (%rsi),%rax
    2d94:	mov    %r8,0x8(%rsp)
    2d99:	sar    $0x2,%rax
    2d9d:	imul   (%rdi),%rax
    2da1:	lea    0x0(,%rax,4),%rbx
    2da9:	cmp    $0x4,%r8
    2dad:	jle    2e00 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int)+0x90>
    2daf:	mov    %ecx,%r9d
    2db2:	cmp    $0x1,%ecx
    2db5:	jle    2e00 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int)+0x90>
    2db7:	vmovq  %rdi,%xmm1
    2dbc:	add    $0x3,%r8
    2dc0:	mov    %ecx,0x38(%rsp)
    2dc4:	lea    0x8(%rsp),%rax
    2dc9:	vpinsrq $0x1,%rsi,%xmm1,%xmm0
    2dcf:	mov    %rdx,0x20(%rsp)
    2dd4:	sar    $0x2,%r8
    2dd8:	lea    0x10(%rsp),%rsi
    2ddd:	xor    %ecx,%ecx
    2ddf:	mov    %r9d,%edx
    2de2:	lea    -0x1d79(%rip),%rdi        # 1070 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int) [clone ._omp_fn.0]>
    2de9:	mov    %r8,0x30(%rsp)
    2dee:	mov    %rax,0x28(%rsp)
    2df3:	vmovdqa %xmm0,0x10(%rsp)
    2df9:	call   2dfe <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int)+0x8e>
    2dfe:	jmp    2e07 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int)+0x97>
    2e00:	xor    %ecx,%ecx
    2e02:	call   a30 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)>
    2e07:	mov    0x48(%rsp),%rax
    2e0c:	sub    %fs:0x28,%rax
    2e15:	jne    2e20 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int)+0xb0>
    2e17:	add    $0x50,%rsp
    2e1b:	mov    %rbx,%rax
    2e1e:	pop    %rbx
    2e1f:	ret
    2e20:	call   2e25 <evsim::gather_short_columns(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, int)+0xb5>
    2e25:	nop
    2e26:	cs nopw 0x0(%rax,%rax,1)

0000000000002e30 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)>:
    2e30:	endbr64
    2e34:	push   %rbp
    2e35:	mov    %rsp,%rbp
    2e38:	push   %r15
    2e3a:	push   %r14
    2e3c:	push   %r13
    2e3e:	push   %r12
    2e40:	push   %rbx
    2e41:	and    $0xffffffffffffffc0,%rsp
    2e45:	sub    $0xc0,%rsp
    2e4c:	mov    %fs:0x28,%rax
    2e55:	mov    %rax,0xb8(%rsp)
    2e5d:	xor    %eax,%eax
    2e5f:	cmpq   $0x40,0x8(%rsi)
    2e64:	jg     2e6a <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x3a>
    2e6a:	vpxor  %xmm0,%xmm0,%xmm0
    2e6e:	movq   $0x0,0x8(%rdi)
    2e76:	mov    %rdi,%rbx
    2e79:	mov    %rsi,%r12
    2e7c:	vmovdqu %xmm0,0x10(%rdi)
    2e81:	mov    0x8(%rsi),%rax
    2e85:	mov    %rax,(%rdi)
    2e88:	mov    0x10(%rsi),%rdi
    2e8c:	lea    0xf(%rax),%rsi
    2e90:	add    $0x1e,%rax
    2e94:	mov    %rsi,%rcx
    2e97:	sar    $0x3f,%rcx
    2e9b:	mov    %rdi,0x28(%rsp)
    2ea0:	shr    $0x3c,%rcx
    2ea4:	lea    (%rsi,%rcx,1),%rdx
    2ea8:	and    $0xf,%edx
    2eab:	sub    %rcx,%rdx
    2eae:	sub    %rdx,%rsi
    2eb1:	vmovq  %rsi,%xmm1
    2eb6:	mov    %rsi,0x20(%rsp)
    2ebb:	vpinsrq $0x1,%rdi,%xmm1,%xmm0
    2ec1:	cmp    $0x1e,%rax
    2ec5:	jbe    3195 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x365>
    2ecb:	test   %rdi,%rdi
    2ece:	je     3195 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x365>
    2ed4:	movabs $0x7fffffffffffffff,%rax
    2ede:	cqto
    2ee0:	idiv   %rdi
    2ee3:	cmp    %rax,%rsi
    2ee6:	jg     2eec <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0xbc>
    2eec:	mov    %rsi,%rax
    2eef:	imul   %rdi,%rax
    2ef3:	test   %rax,%rax
    2ef6:	jg     31b5 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x385>
    2efc:	movq   $0x0,0x30(%rsp)
    2f05:	vmovdqu %xmm0,0x10(%rbx)
    2f0a:	mov    0x8(%r12),%rdi
    2f0f:	xor    %edx,%edx
    2f11:	mov    (%r12),%rsi
    2f15:	test   %rdi,%rdi
    2f18:	mov    %rsi,0x40(%rsp)
    2f1d:	cmovle %rdi,%rdx
    2f21:	cmpq   $0x0,0x28(%rsp)
    2f27:	jle    316c <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x33c>
    2f2d:	lea    0x0(,%rdi,4),%rax
    2f35:	movq   $0x0,0x38(%rsp)
    2f3e:	xor    %r9d,%r9d
    2f41:	mov    0x30(%rsp),%rcx
    2f46:	mov    %rax,0x8(%rsp)
    2f4b:	mov    0x20(%rsp),%rax
    2f50:	xor    %r15d,%r15d
    2f53:	mov    %r9,%r14
    2f56:	mov    %rbx,(%rsp)
    2f5a:	shl    $0x2,%rax
    2f5e:	mov    %rax,0x10(%rsp)
    2f63:	nopl   0x0(%rax,%rax,1)
    2f68:	mov    %rdi,%rax
    2f6b:	sub    %rdx,%rax
    2f6e:	and    $0xfffffffffffffff0,%rax
    2f72:	add    %rdx,%rax
    2f75:	test   %rdx,%rdx
    2f78:	jle    3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    2f7e:	lea    -0x1(%rdx),%r8
    2f82:	cmp    $0x2,%r8
    2f86:	jbe    33f0 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x5c0>
    2f8c:	lea    0x4(%rsi),%r10
    2f90:	mov    %rcx,%r9
    2f93:	sub    %r10,%r9
    2f96:	cmp    $0x18,%r9
    2f9a:	ja     3320 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x4f0>
    2fa0:	vmovss (%rsi),%xmm0
    2fa4:	vmovss %xmm0,(%rcx)
    2fa8:	vmovss 0x4(%rsi),%xmm0
    2fad:	vmovss %xmm0,0x4(%rcx)
    2fb2:	vmovss 0x8(%rsi),%xmm0
    2fb7:	vmovss %xmm0,0x8(%rcx)
    2fbc:	cmp    $0x3,%rdx
    2fc0:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    2fc6:	vmovss 0xc(%rsi),%xmm0
    2fcb:	vmovss %xmm0,0xc(%rcx)
    2fd0:	cmp    $0x4,%rdx
    2fd4:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    2fda:	vmovss 0x10(%rsi),%xmm0
    2fdf:	vmovss %xmm0,0x10(%rcx)
    2fe4:	cmp    $0x5,%rdx
    2fe8:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    2fee:	vmovss 0x14(%rsi),%xmm0
    2ff3:	vmovss %xmm0,0x14(%rcx)
    2ff8:	cmp    $0x6,%rdx
    2ffc:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    3002:	vmovss 0x18(%rsi),%xmm0
    3007:	vmovss %xmm0,0x18(%rcx)
    300c:	cmp    $0x7,%rdx
    3010:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    3012:	vmovss 0x1c(%rsi),%xmm0
    3017:	vmovss %xmm0,0x1c(%rcx)
    301c:	cmp    $0x8,%rdx
    3020:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    3022:	vmovss 0x20(%rsi),%xmm0
    3027:	vmovss %xmm0,0x20(%rcx)
    302c:	cmp    $0x9,%rdx
    3030:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    3032:	vmovss 0x24(%rsi),%xmm0
    3037:	vmovss %xmm0,0x24(%rcx)
    303c:	cmp    $0xa,%rdx
    3040:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    3042:	vmovss 0x28(%rsi),%xmm0
    3047:	vmovss %xmm0,0x28(%rcx)
    304c:	cmp    $0xb,%rdx
    3050:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    3052:	vmovss 0x2c(%rsi),%xmm0
    3057:	vmovss %xmm0,0x2c(%rcx)
    305c:	cmp    $0xc,%rdx
    3060:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    3062:	vmovss 0x30(%rsi),%xmm0
    3067:	vmovss %xmm0,0x30(%rcx)
    306c:	cmp    $0xd,%rdx
    3070:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    3072:	vmovss 0x34(%rsi),%xmm0
    3077:	vmovss %xmm0,0x34(%rcx)
    307c:	cmp    $0xf,%rdx
    3080:	jne    3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    3082:	vmovss 0x38(%rsi),%xmm0
    3087:	vmovss %xmm0,0x38(%rcx)
    308c:	nopl   0x0(%rax)
    3090:	mov    %rdx,%r8
    3093:	cmp    %rdx,%rax
    3096:	jle    30b7 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x287>
    3098:	nopl   0x0(%rax,%rax,1)
    30a0:	vmovups (%rsi,%r8,4),%zmm2
    30a7:	vmovaps %zmm2,(%rcx,%r8,4)
    30ae:	add    $0x10,%r8
    30b2:	cmp    %r8,%rax
    30b5:	jg     30a0 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x270>
    30b7:	cmp    %rax,%rdi
    30ba:	jle    311a <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x2ea>
    30bc:	mov    %rdi,%r8
    30bf:	sub    %rax,%r8
    30c2:	lea    -0x1(%r8),%rbx
    30c6:	cmp    $0x2,%rbx
    30ca:	jbe    3108 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x2d8>
    30cc:	mov    0x30(%rsp),%r10
    30d1:	lea    (%r14,%rax,1),%r11
    30d5:	mov    0x40(%rsp),%r13
    30da:	lea    (%r10,%r11,4),%r9
    30de:	lea    (%rax,%r15,1),%r10
    30e2:	lea    0x4(,%r10,4),%r12
    30ea:	add    %r12,%r13
    30ed:	mov    %r12,0x18(%rsp)
    30f2:	mov    %r9,%r12
    30f5:	sub    %r13,%r12
    30f8:	cmp    $0x18,%r12
    30fc:	ja     3228 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x3f8>
    3102:	nopw   0x0(%rax,%rax,1)
    3108:	vmovss (%rsi,%rax,4),%xmm0
    310d:	vmovss %xmm0,(%rcx,%rax,4)
    3112:	inc    %rax
    3115:	cmp    %rax,%rdi
    3118:	jne    3108 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x2d8>
    311a:	mov    %rdx,%rax
    311d:	mov    0x20(%rsp),%rbx
    3122:	sar    $0x3f,%rax
    3126:	shr    $0x3c,%rax
    312a:	add    %rax,%rdx
    312d:	and    $0xf,%edx
    3130:	sub    %rax,%rdx
    3133:	cmp    %rdi,%rdx
    3136:	cmovg  %rdi,%rdx
    313a:	incq   0x38(%rsp)
    313f:	add    %rbx,%r14
    3142:	mov    0x8(%rsp),%rbx
    3147:	add    %rdi,%r15
    314a:	add    %rbx,%rsi
    314d:	mov    0x10(%rsp),%rbx
    3152:	mov    0x38(%rsp),%rax
    3157:	add    %rbx,%rcx
    315a:	cmp    %rax,0x28(%rsp)
    315f:	jne    2f68 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x138>
    3165:	mov    (%rsp),%rbx
    3169:	vzeroupper
    316c:	mov    0xb8(%rsp),%rax
    3174:	sub    %fs:0x28,%rax
    317d:	jne    3450 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x620>
    3183:	lea    -0x28(%rbp),%rsp
    3187:	mov    %rbx,%rax
    318a:	pop    %rbx
    318b:	pop    %r12
    318d:	pop    %r13
    318f:	pop    %r14
    3191:	pop    %r15
    3193:	pop    %rbp
    3194:	ret
    3195:	mov    0x20(%rsp),%rax
    319a:	mov    0x28(%rsp),%rdi
    319f:	imul   %rdi,%rax
    31a3:	test   %rax,%rax
    31a6:	je     2efc <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0xcc>
    31ac:	test   %rax,%rax
    31af:	jle    2efc <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0xcc>
    31b5:	mov    %rax,%rdi
    31b8:	shr    $0x3e,%rdi
    31bc:	jne    31c2 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x392>
    31c2:	lea    0x0(,%rax,4),%r13
    31ca:	vmovdqa %xmm0,0x40(%rsp)
    31d0:	lea    0x40(%r13),%rdi
    31d4:	call   31d9 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x3a9>
    31d9:	test   %rax,%rax
    31dc:	je     31e2 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x3b2>
    31e2:	mov    %rax,%rcx
    31e5:	vmovdqa 0x40(%rsp),%xmm0
    31eb:	mov    $0xffffffffffffffc0,%rdx
    31f2:	xor    %esi,%esi
    31f4:	and    $0xffffffffffffffc0,%rcx
    31f8:	lea    0x40(%rcx),%rdi
    31fc:	mov    %rax,-0x8(%rdi)
    3200:	sub    %rcx,%rdx
    3203:	mov    %rdi,0x8(%rbx)
    3207:	lea    (%rdi,%r13,1),%rax
    320b:	vmovdqu %xmm0,0x10(%rbx)
    3210:	add    %rax,%rdx
    3213:	mov    %rdi,0x30(%rsp)
    3218:	call   321d <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x3ed>
    321d:	jmp    2f0a <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0xda>
    3222:	nopw   0x0(%rax,%rax,1)
    3228:	cmp    $0x6,%rbx
    322c:	jbe    3420 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x5f0>
    3232:	mov    0x18(%rsp),%rbx
    3237:	mov    0x40(%rsp),%r13
    323c:	mov    %r8,%r12
    323f:	shr    $0x3,%r12
    3243:	lea    -0x4(%r13,%rbx,1),%r13
    3248:	shl    $0x5,%r12
    324c:	xor    %ebx,%ebx
    324e:	xchg   %ax,%ax
    3250:	vmovups 0x0(%r13,%rbx,1),%ymm3
    3257:	vmovups %ymm3,(%r9,%rbx,1)
    325d:	add    $0x20,%rbx
    3261:	cmp    %rbx,%r12
    3264:	jne    3250 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x420>
    3266:	mov    %r8,%r9
    3269:	and    $0xfffffffffffffff8,%r9
    326d:	add    %r9,%rax
    3270:	test   $0x7,%r8b
    3274:	je     311a <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x2ea>
    327a:	sub    %r9,%r8
    327d:	lea    -0x1(%r8),%rbx
    3281:	cmp    $0x2,%rbx
    3285:	jbe    3436 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x606>
    328b:	mov    0x40(%rsp),%rbx
    3290:	add    %r9,%r10
    3293:	add    %r11,%r9
    3296:	vmovups (%rbx,%r10,4),%xmm0
    329c:	mov    0x30(%rsp),%rbx
    32a1:	vmovups %xmm0,(%rbx,%r9,4)
    32a7:	test   $0x3,%r8b
    32ab:	je     311a <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x2ea>
    32b1:	and    $0xfffffffffffffffc,%r8
    32b5:	mov    %rbx,%r11
    32b8:	add    %r8,%rax
    32bb:	mov    0x40(%rsp),%rbx
    32c0:	lea    (%rax,%r15,1),%r8
    32c4:	vmovss (%rbx,%r8,4),%xmm0
    32ca:	lea    (%rax,%r14,1),%r8
    32ce:	vmovss %xmm0,(%r11,%r8,4)
    32d4:	lea    0x1(%rax),%r8
    32d8:	cmp    %r8,%rdi
    32db:	jle    311a <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x2ea>
    32e1:	lea    (%r15,%r8,1),%r9
    32e5:	add    $0x2,%rax
    32e9:	add    %r14,%r8
    32ec:	vmovss (%rbx,%r9,4),%xmm0
    32f2:	vmovss %xmm0,(%r11,%r8,4)
    32f8:	cmp    %rax,%rdi
    32fb:	jle    311a <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x2ea>
    3301:	lea    (%r15,%rax,1),%r8
    3305:	add    %r14,%rax
    3308:	vmovss (%rbx,%r8,4),%xmm0
    330e:	vmovss %xmm0,(%r11,%rax,4)
    3314:	jmp    311a <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x2ea>
    3319:	nopl   0x0(%rax)
    3320:	cmp    $0x6,%r8
    3324:	jbe    3428 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x5f8>
    332a:	vmovups (%rsi),%ymm4
    332e:	vmovaps %ymm4,(%rcx)
    3332:	cmp    $0x8,%rdx
    3336:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    333c:	lea    -0x9(%rdx),%r8
    3340:	lea    -0x8(%rdx),%r10
    3344:	cmp    $0x2,%r8
    3348:	jbe    3440 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x610>
    334e:	mov    $0x8,%r9d
    3354:	mov    $0x8,%r8d
    335a:	mov    0x40(%rsp),%rbx
    335f:	lea    (%r15,%r9,1),%r11
    3363:	add    %r14,%r9
    3366:	vmovups (%rbx,%r11,4),%xmm0
    336c:	mov    0x30(%rsp),%rbx
    3371:	vmovaps %xmm0,(%rbx,%r9,4)
    3377:	cmp    $0x4,%r10
    337b:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    3381:	add    $0x4,%r8
    3385:	mov    %rbx,%r11
    3388:	mov    0x40(%rsp),%rbx
    338d:	lea    (%r15,%r8,1),%r9
    3391:	vmovss (%rbx,%r9,4),%xmm0
    3397:	lea    (%r14,%r8,1),%r9
    339b:	vmovss %xmm0,(%r11,%r9,4)
    33a1:	lea    0x1(%r8),%r9
    33a5:	cmp    %r9,%rdx
    33a8:	jle    3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    33ae:	lea    (%r15,%r9,1),%r10
    33b2:	add    $0x2,%r8
    33b6:	add    %r14,%r9
    33b9:	vmovss (%rbx,%r10,4),%xmm0
    33bf:	vmovss %xmm0,(%r11,%r9,4)
    33c5:	cmp    %r8,%rdx
    33c8:	jle    3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    33ce:	lea    (%r15,%r8,1),%r9
    33d2:	add    %r14,%r8
    33d5:	vmovss (%rbx,%r9,4),%xmm0
    33db:	vmovss %xmm0,(%r11,%r8,4)
    33e1:	jmp    3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    33e6:	cs nopw 0x0(%rax,%rax,1)
    33f0:	vmovss (%rsi),%xmm0
    33f4:	vmovss %xmm0,(%rcx)
    33f8:	cmp    $0x1,%rdx
    33fc:	je     3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    3402:	vmovss 0x4(%rsi),%xmm0
    3407:	vmovss %xmm0,0x4(%rcx)
    340c:	cmp    $0x3,%rdx
    3410:	je     2fb2 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x182>
    3416:	jmp    3090 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x260>
    341b:	nopl   0x0(%rax,%rax,1)
    3420:	xor    %r9d,%r9d
    3423:	jmp    328b <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x45b>
    3428:	mov    %rdx,%r10
    342b:	xor    %r9d,%r9d
    342e:	xor    %r8d,%r8d
    3431:	jmp    335a <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x52a>
    3436:	mov    0x30(%rsp),%r11
    343b:	jmp    32bb <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x48b>
    3440:	mov    0x30(%rsp),%r11
    3445:	mov    $0x8,%r8d
    344b:	jmp    3388 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x558>
    3450:	call   3455 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&)+0x625>

Disassembly of section .text._ZN5evsim5ErrorD2Ev:

0000000000000000 <evsim::Error::~Error()>:
   0:	endbr64
   4:	lea    0x0(%rip),%rax        # b <evsim::Error::~Error()+0xb>
   b:	mov    %rax,(%rdi)
   e:	jmp    13 <evsim::(anonymous namespace)::samples(evsim::ShortColumns const&, evsim::GatheredInputs const&, Eigen::Matrix<float, -1, -1, 0, -1, -1>&, long, long)::found+0x3>

Disassembly of section .text._ZN5evsim5ErrorD0Ev:

0000000000000000 <evsim::Error::~Error()>:
   0:	endbr64
   4:	lea    0x0(%rip),%rax        # b <evsim::Error::~Error()+0xb>
   b:	push   %rbx
   c:	mov    %rdi,%rbx
   f:	mov    %rax,(%rdi)
  12:	call   17 <evsim::Error::~Error()+0x17>
  17:	mov    %rbx,%rdi
  1a:	mov    $0x10,%esi
  1f:	pop    %rbx
  20:	jmp    25 <.LC2+0x5>

Disassembly of section .text._ZNSt6vectorIjSaIjEED2Ev:

0000000000000000 <std::vector<unsigned int, std::allocator<unsigned int> >::~vector()>:
   0:	endbr64
   4:	mov    (%rdi),%rax
   7:	test   %rax,%rax
   a:	je     20 <std::vector<unsigned int, std::allocator<unsigned int> >::~vector()+0x20>
   c:	mov    0x10(%rdi),%rsi
  10:	mov    %rax,%rdi
  13:	sub    %rax,%rsi
  16:	jmp    1b <std::vector<unsigned int, std::allocator<unsigned int> >::~vector()+0x1b>
  1b:	nopl   0x0(%rax,%rax,1)
  20:	ret

Disassembly of section .text._ZNSt7__cxx119to_stringEl:

0000000000000000 <std::__cxx11::to_string(long)>:
   0:	endbr64
   4:	push   %rbp
   5:	mov    %rsp,%rbp
   8:	push   %r15
   a:	push   %r14
   c:	mov    %rsi,%r14
   f:	shr    $0x3f,%r14
  13:	push   %r13
  15:	push   %r12
  17:	mov    %rdi,%r12
  1a:	push   %rbx
  1b:	mov    %rsi,%rbx
  1e:	sub    $0xe8,%rsp
  25:	mov    %fs:0x28,%rax
  2e:	mov    %rax,0xd8(%rsp)
  36:	xor    %eax,%eax
  38:	test   %rsi,%rsi
  3b:	js     1f8 <std::__cxx11::to_string(long)+0x1f8>
  41:	xor    %r8d,%r8d
  44:	cmp    $0x9,%rsi
  48:	jbe    343 <std::__cxx11::to_string(long)+0x343>
  4e:	cmp    $0x63,%rbx
  52:	jbe    2fb <std::__cxx11::to_string(long)+0x2fb>
  58:	cmp    $0x3e7,%rbx
  5f:	jbe    32b <std::__cxx11::to_string(long)+0x32b>
  65:	cmp    $0x270f,%rbx
  6c:	jbe    313 <std::__cxx11::to_string(long)+0x313>
  72:	mov    %rbx,%rdx
  75:	mov    $0x1,%esi
  7a:	movabs $0x346dc5d63886594b,%rdi
  84:	jmp    b7 <std::__cxx11::to_string(long)+0xb7>
  86:	cs nopw 0x0(%rax,%rax,1)
  90:	cmp    $0xf423f,%rcx
  97:	jbe    2b0 <std::__cxx11::to_string(long)+0x2b0>
  9d:	cmp    $0x98967f,%rcx
  a4:	jbe    2c0 <std::__cxx11::to_string(long)+0x2c0>
  aa:	cmp    $0x5f5e0ff,%rcx
  b1:	jbe    2d0 <std::__cxx11::to_string(long)+0x2d0>
  b7:	mov    %rdx,%rax
  ba:	mov    %rdx,%rcx
  bd:	mul    %rdi
  c0:	mov    %esi,%eax
  c2:	add    $0x4,%esi
  c5:	shr    $0xb,%rdx
  c9:	cmp    $0x1869f,%rcx
  d0:	ja     90 <std::__cxx11::to_string(long)+0x90>
  d2:	lea    0x3(%rax),%r13d
  d6:	lea    0x10(%r12),%rdi
  db:	lea    (%rsi,%r8,1),%r15d
  df:	mov    %rdi,(%r12)
  e3:	cmp    $0xf,%r15
  e7:	ja     220 <std::__cxx11::to_string(long)+0x220>
  ed:	test   %r15,%r15
  f0:	jne    2dc <std::__cxx11::to_string(long)+0x2dc>
  f6:	vmovdqa64 0x0(%rip),%zmm1        # 100 <std::__cxx11::to_string(long)+0x100>
 100:	vmovdqa64 0x0(%rip),%zmm2        # 10a <std::__cxx11::to_string(long)+0x10a>
 10a:	movq   $0x0,0x8(%r12)
 113:	lea    (%rdi,%r14,1),%rcx
 117:	vmovdqa64 0x0(%rip),%zmm3        # 121 <std::__cxx11::to_string(long)+0x121>
 121:	vmovdqa 0x0(%rip),%xmm0        # 129 <std::__cxx11::to_string(long)+0x129>
 129:	movb   $0x0,0x10(%r12)
 12f:	vmovdqu64 %zmm1,(%rsp)
 136:	vmovdqu64 %zmm3,0x80(%rsp)
 13e:	vmovdqu64 %zmm2,0x40(%rsp)
 146:	vmovdqu %xmm0,0xb9(%rsp)
 14f:	movabs $0x28f5c28f5c28f5c3,%rdi
 159:	nopl   0x0(%rax)
 160:	mov    %rbx,%rdx
 163:	shr    $0x2,%rdx
 167:	mov    %rdx,%rax
 16a:	mul    %rdi
 16d:	mov    %rbx,%rax
 170:	shr    $0x2,%rdx
 174:	imul   $0x64,%rdx,%rsi
 178:	sub    %rsi,%rax
 17b:	mov    %rbx,%rsi
 17e:	mov    %rdx,%rbx
 181:	mov    %r13d,%edx
 184:	add    %rax,%rax
 187:	movzbl 0x1(%rsp,%rax,1),%r8d
 18d:	movzbl (%rsp,%rax,1),%eax
 191:	mov    %r8b,(%rcx,%rdx,1)
 195:	lea    -0x1(%r13),%edx
 199:	sub    $0x2,%r13d
 19d:	mov    %al,(%rcx,%rdx,1)
 1a0:	cmp    $0x270f,%rsi
 1a7:	ja     160 <std::__cxx11::to_string(long)+0x160>
 1a9:	lea    0x30(%rbx),%eax
 1ac:	cmp    $0x9,%rbx
 1b0:	jbe    1c1 <std::__cxx11::to_string(long)+0x1c1>
 1b2:	add    %rbx,%rbx
 1b5:	movzbl 0x1(%rsp,%rbx,1),%eax
 1ba:	mov    %al,0x1(%rcx)
 1bd:	movzbl (%rsp,%rbx,1),%eax
 1c1:	mov    %al,(%rcx)
 1c3:	mov    0xd8(%rsp),%rax
 1cb:	sub    %fs:0x28,%rax
 1d4:	jne    350 <std::__cxx11::to_string(long)+0x350>
 1da:	vzeroupper
 1dd:	add    $0xe8,%rsp
 1e4:	mov    %r12,%rax
 1e7:	pop    %rbx
 1e8:	pop    %r12
 1ea:	pop    %r13
 1ec:	pop    %r14
 1ee:	pop    %r15
 1f0:	pop    %rbp
 1f1:	ret
 1f2:	nopw   0x0(%rax,%rax,1)
 1f8:	neg    %rbx
 1fb:	mov    $0x1,%r8d
 201:	cmp    $0x9,%rbx
 205:	ja     4e <std::__cxx11::to_string(long)+0x4e>
 20b:	lea    0x10(%rdi),%rdi
 20f:	xor    %r13d,%r13d
 212:	mov    $0x2,%r15d
 218:	mov    %rdi,(%r12)
 21c:	jmp    235 <std::__cxx11::to_string(long)+0x235>
 21e:	xchg   %ax,%ax
 220:	lea    0x1(%r15),%rdi
 224:	call   229 <std::__cxx11::to_string(long)+0x229>
 229:	mov    %r15,0x10(%r12)
 22e:	mov    %rax,(%r12)
 232:	mov    %rax,%rdi
 235:	mov    %r15,%rdx
 238:	mov    $0x2d,%esi
 23d:	call   242 <std::__cxx11::to_string(long)+0x242>
 242:	mov    (%r12),%rax
 246:	add    %r15,%rax
 249:	vmovdqa64 0x0(%rip),%zmm4        # 253 <std::__cxx11::to_string(long)+0x253>
 253:	vmovdqa64 0x0(%rip),%zmm5        # 25d <std::__cxx11::to_string(long)+0x25d>
 25d:	mov    %r15,0x8(%r12)
 262:	vmovdqa64 0x0(%rip),%zmm6        # 26c <std::__cxx11::to_string(long)+0x26c>
 26c:	vmovdqa 0x0(%rip),%xmm0        # 274 <std::__cxx11::to_string(long)+0x274>
 274:	movb   $0x0,(%rax)
 277:	vmovdqu64 %zmm4,(%rsp)
 27e:	vmovdqu64 %zmm6,0x80(%rsp)
 286:	mov    (%r12),%rcx
 28a:	vmovdqu64 %zmm5,0x40(%rsp)
 292:	vmovdqu %xmm0,0xb9(%rsp)
 29b:	add    %r14,%rcx
 29e:	cmp    $0x63,%rbx
 2a2:	ja     14f <std::__cxx11::to_string(long)+0x14f>
 2a8:	jmp    1a9 <std::__cxx11::to_string(long)+0x1a9>
 2ad:	nopl   (%rax)
 2b0:	mov    %esi,%r13d
 2b3:	lea    0x5(%rax),%esi
 2b6:	jmp    d6 <std::__cxx11::to_string(long)+0xd6>
 2bb:	nopl   0x0(%rax,%rax,1)
 2c0:	lea    0x6(%rax),%esi
 2c3:	lea    0x5(%rax),%r13d
 2c7:	jmp    d6 <std::__cxx11::to_string(long)+0xd6>
 2cc:	nopl   0x0(%rax)
 2d0:	lea    0x7(%rax),%esi
 2d3:	lea    0x6(%rax),%r13d
 2d7:	jmp    d6 <std::__cxx11::to_string(long)+0xd6>
 2dc:	cmp    $0x1,%r15
 2e0:	jne    235 <std::__cxx11::to_string(long)+0x235>
 2e6:	movb   $0x2d,(%rdi)
 2e9:	mov    $0x1,%r15d
 2ef:	mov    (%r12),%rax
 2f3:	inc    %rax
 2f6:	jmp    249 <std::__cxx11::to_string(long)+0x249>
 2fb:	lea    0x10(%r12),%rdi
 300:	lea    0x2(%r8),%r15d
 304:	mov    $0x1,%r13d
 30a:	mov    %rdi,(%r12)
 30e:	jmp    235 <std::__cxx11::to_string(long)+0x235>
 313:	lea    0x10(%r12),%rdi
 318:	lea    0x4(%r8),%r15d
 31c:	mov    $0x3,%r13d
 322:	mov    %rdi,(%r12)
 326:	jmp    235 <std::__cxx11::to_string(long)+0x235>
 32b:	lea    0x10(%r12),%rdi
 330:	lea    0x3(%r8),%r15d
 334:	mov    $0x2,%r13d
 33a:	mov    %rdi,(%r12)
 33e:	jmp    235 <std::__cxx11::to_string(long)+0x235>
 343:	lea    0x10(%rdi),%rdi
 347:	xor    %r13d,%r13d
 34a:	mov    %rdi,(%r12)
 34e:	jmp    2e6 <std::__cxx11::to_string(long)+0x2e6>
 350:	vzeroupper
 353:	call   358 <void evsim::(anonymous namespace)::one_lane<3>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0x148>

Disassembly of section .text.unlikely._ZN5Eigen8internal19throw_std_bad_allocEv:

0000000000000000 <Eigen::internal::throw_std_bad_alloc()>:
   0:	endbr64
   4:	push   %rax
   5:	pop    %rax
   6:	mov    $0x8,%edi
   b:	push   %rax
   c:	call   11 <Eigen::internal::throw_std_bad_alloc()+0x11>
  11:	mov    0x0(%rip),%rdx        # 18 <Eigen::internal::throw_std_bad_alloc()+0x18>
  18:	lea    0x0(%rip),%rsi        # 1f <Eigen::internal::throw_std_bad_alloc()+0x1f>
  1f:	mov    %rax,%rdi
  22:	lea    0x0(%rip),%rax        # 29 <Eigen::internal::throw_std_bad_alloc()+0x29>
  29:	mov    %rax,(%rdi)
  2c:	call   31 <.LC3+0x1>

Disassembly of section .text._ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEC2EOS4_:

0000000000000000 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >&&)>:
   0:	endbr64
   4:	lea    0x10(%rdi),%rcx
   8:	lea    0x10(%rsi),%r8
   c:	mov    %rsi,%rax
   f:	mov    %rcx,(%rdi)
  12:	mov    (%rsi),%rdx
  15:	mov    0x8(%rsi),%rsi
  19:	cmp    %r8,%rdx
  1c:	je     40 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >&&)+0x40>
  1e:	mov    %rdx,(%rdi)
  21:	mov    0x10(%rax),%rdx
  25:	mov    %rdx,0x10(%rdi)
  29:	mov    %rsi,0x8(%rdi)
  2d:	mov    %r8,(%rax)
  30:	movq   $0x0,0x8(%rax)
  38:	movb   $0x0,0x10(%rax)
  3c:	ret
  3d:	nopl   (%rax)
  40:	lea    0x1(%rsi),%rdx
  44:	cmp    $0x8,%edx
  47:	jae    78 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >&&)+0x78>
  49:	test   $0x4,%dl
  4c:	jne    c6 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >&&)+0xc6>
  4e:	test   %edx,%edx
  50:	je     29 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >&&)+0x29>
  52:	movzbl 0x10(%rax),%esi
  56:	mov    %sil,0x10(%rdi)
  5a:	test   $0x2,%dl
  5d:	je     bd <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >&&)+0xbd>
  5f:	mov    %edx,%edx
  61:	movzwl -0x2(%r8,%rdx,1),%esi
  67:	mov    %si,-0x2(%rcx,%rdx,1)
  6c:	mov    0x8(%rax),%rsi
  70:	jmp    29 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >&&)+0x29>
  72:	nopw   0x0(%rax,%rax,1)
  78:	mov    0x10(%rax),%rsi
  7c:	mov    %r8,%r11
  7f:	mov    %rsi,0x10(%rdi)
  83:	mov    %edx,%esi
  85:	mov    -0x8(%r8,%rsi,1),%r9
  8a:	mov    %r9,-0x8(%rcx,%rsi,1)
  8f:	lea    0x18(%rdi),%r9
  93:	and    $0xfffffffffffffff8,%r9
  97:	sub    %r9,%rcx
  9a:	add    %ecx,%edx
  9c:	sub    %rcx,%r11
  9f:	and    $0xfffffff8,%edx
  a2:	cmp    $0x8,%edx
  a5:	jb     bd <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >&&)+0xbd>
  a7:	and    $0xfffffff8,%edx
  aa:	xor    %ecx,%ecx
  ac:	mov    %ecx,%esi
  ae:	add    $0x8,%ecx
  b1:	mov    (%r11,%rsi,1),%r10
  b5:	mov    %r10,(%r9,%rsi,1)
  b9:	cmp    %edx,%ecx
  bb:	jb     ac <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >&&)+0xac>
  bd:	mov    0x8(%rax),%rsi
  c1:	jmp    29 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >&&)+0x29>
  c6:	mov    0x10(%rax),%esi
  c9:	mov    %edx,%edx
  cb:	mov    %esi,0x10(%rdi)
  ce:	mov    -0x4(%r8,%rdx,1),%esi
  d3:	mov    %esi,-0x4(%rcx,%rdx,1)
  d7:	mov    0x8(%rax),%rsi
  db:	jmp    29 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >&&)+0x29>

Disassembly of section .text._ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE10_M_disposeEv:

0000000000000000 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::_M_dispose()>:
   0:	endbr64
   4:	mov    (%rdi),%rax
   7:	lea    0x10(%rdi),%rdx
   b:	cmp    %rdx,%rax
   e:	je     20 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::_M_dispose()+0x20>
  10:	mov    0x10(%rdi),%rsi
  14:	mov    %rax,%rdi
  17:	inc    %rsi
  1a:	jmp    1f <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::_M_dispose()+0x1f>
  1f:	nop
  20:	ret

Disassembly of section .text._ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE6insertEmPKc:

0000000000000000 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)>:
   0:	endbr64
   4:	push   %r15
   6:	push   %r14
   8:	mov    %rdx,%r14
   b:	push   %r13
   d:	push   %r12
   f:	push   %rbp
  10:	push   %rbx
  11:	mov    %rdi,%rbx
  14:	mov    %rdx,%rdi
  17:	sub    $0x28,%rsp
  1b:	mov    %rsi,0x8(%rsp)
  20:	call   25 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x25>
  25:	mov    0x8(%rbx),%r12
  29:	mov    0x8(%rsp),%r10
  2e:	cmp    %r10,%r12
  31:	jb     2cb <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2cb>
  37:	mov    %rax,%rbp
  3a:	movabs $0x7fffffffffffffff,%rax
  44:	sub    %r12,%rax
  47:	cmp    %rbp,%rax
  4a:	jb     2e6 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2e6>
  50:	mov    (%rbx),%r8
  53:	lea    0x10(%rbx),%rcx
  57:	lea    0x0(%rbp,%r12,1),%r15
  5c:	cmp    %rcx,%r8
  5f:	je     240 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x240>
  65:	mov    0x10(%rbx),%r13
  69:	cmp    %r15,%r13
  6c:	jb     108 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x108>
  72:	mov    %r12,%rdx
  75:	lea    (%r8,%r10,1),%r13
  79:	sub    %r10,%rdx
  7c:	cmp    %r8,%r14
  7f:	jae    e0 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0xe0>
  81:	test   %rdx,%rdx
  84:	je     270 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x270>
  8a:	test   %rbp,%rbp
  8d:	je     c1 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0xc1>
  8f:	lea    0x0(%r13,%rbp,1),%rdi
  94:	cmp    $0x1,%rdx
  98:	je     290 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x290>
  9e:	mov    %r13,%rsi
  a1:	call   a6 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0xa6>
  a6:	cmp    $0x1,%rbp
  aa:	je     280 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x280>
  b0:	mov    %rbp,%rdx
  b3:	mov    %r14,%rsi
  b6:	mov    %r13,%rdi
  b9:	call   be <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0xbe>
  be:	mov    (%rbx),%r8
  c1:	mov    %r15,0x8(%rbx)
  c5:	mov    %rbx,%rax
  c8:	movb   $0x0,(%r8,%r15,1)
  cd:	add    $0x28,%rsp
  d1:	pop    %rbx
  d2:	pop    %rbp
  d3:	pop    %r12
  d5:	pop    %r13
  d7:	pop    %r14
  d9:	pop    %r15
  db:	ret
  dc:	nopl   0x0(%rax)
  e0:	add    %r8,%r12
  e3:	cmp    %r14,%r12
  e6:	jb     81 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x81>
  e8:	mov    %rdx,%r9
  eb:	mov    %rbp,%r8
  ee:	mov    %r14,%rcx
  f1:	xor    %edx,%edx
  f3:	mov    %r13,%rsi
  f6:	mov    %rbx,%rdi
  f9:	call   fe <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0xfe>
  fe:	mov    (%rbx),%r8
 101:	jmp    c1 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0xc1>
 103:	nopl   0x0(%rax,%rax,1)
 108:	test   %r15,%r15
 10b:	js     2f2 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2f2>
 111:	add    %r13,%r13
 114:	sub    %r10,%r12
 117:	cmp    %r13,%r15
 11a:	jb     228 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x228>
 120:	mov    %r15,%rdi
 123:	mov    %r15,%r13
 126:	inc    %rdi
 129:	js     235 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x235>
 12f:	mov    %r10,0x10(%rsp)
 134:	mov    %rcx,0x8(%rsp)
 139:	call   13e <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x13e>
 13e:	mov    0x10(%rsp),%r10
 143:	mov    0x8(%rsp),%rcx
 148:	mov    %rax,%r8
 14b:	test   %r10,%r10
 14e:	je     17f <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x17f>
 150:	mov    (%rbx),%rsi
 153:	cmp    $0x1,%r10
 157:	je     2b0 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2b0>
 15d:	mov    %r10,%rdx
 160:	mov    %rax,%rdi
 163:	mov    %rcx,0x10(%rsp)
 168:	mov    %r10,0x8(%rsp)
 16d:	call   172 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x172>
 172:	mov    0x10(%rsp),%rcx
 177:	mov    0x8(%rsp),%r10
 17c:	mov    %rax,%r8
 17f:	test   %rbp,%rbp
 182:	je     1bb <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x1bb>
 184:	lea    (%r8,%r10,1),%rdi
 188:	cmp    $0x1,%rbp
 18c:	je     2c0 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2c0>
 192:	mov    %rbp,%rdx
 195:	mov    %r14,%rsi
 198:	mov    %r10,0x18(%rsp)
 19d:	mov    %rcx,0x10(%rsp)
 1a2:	mov    %r8,0x8(%rsp)
 1a7:	call   1ac <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x1ac>
 1ac:	mov    0x18(%rsp),%r10
 1b1:	mov    0x10(%rsp),%rcx
 1b6:	mov    0x8(%rsp),%r8
 1bb:	mov    (%rbx),%r14
 1be:	test   %r12,%r12
 1c1:	jne    1f0 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x1f0>
 1c3:	cmp    %r14,%rcx
 1c6:	je     1e2 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x1e2>
 1c8:	mov    0x10(%rbx),%rax
 1cc:	mov    %r14,%rdi
 1cf:	mov    %r8,0x8(%rsp)
 1d4:	lea    0x1(%rax),%rsi
 1d8:	call   1dd <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x1dd>
 1dd:	mov    0x8(%rsp),%r8
 1e2:	mov    %r8,(%rbx)
 1e5:	mov    %r13,0x10(%rbx)
 1e9:	jmp    c1 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0xc1>
 1ee:	xchg   %ax,%ax
 1f0:	add    %r10,%rbp
 1f3:	lea    (%r14,%r10,1),%rsi
 1f7:	lea    (%r8,%rbp,1),%rdi
 1fb:	cmp    $0x1,%r12
 1ff:	je     2a0 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2a0>
 205:	mov    %r12,%rdx
 208:	mov    %rcx,0x10(%rsp)
 20d:	mov    %r8,0x8(%rsp)
 212:	call   217 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x217>
 217:	mov    0x10(%rsp),%rcx
 21c:	mov    0x8(%rsp),%r8
 221:	jmp    1c3 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x1c3>
 223:	nopl   0x0(%rax,%rax,1)
 228:	lea    0x1(%r13),%rdi
 22c:	test   %r13,%r13
 22f:	jns    12f <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x12f>
 235:	call   23a <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x23a>
 23a:	nopw   0x0(%rax,%rax,1)
 240:	cmp    $0xf,%r15
 244:	jbe    72 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x72>
 24a:	test   %r15,%r15
 24d:	js     2f2 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2f2>
 253:	sub    %r10,%r12
 256:	cmp    $0x1d,%r15
 25a:	ja     120 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x120>
 260:	mov    $0x1f,%edi
 265:	mov    $0x1e,%r13d
 26b:	jmp    12f <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x12f>
 270:	test   %rbp,%rbp
 273:	je     c1 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0xc1>
 279:	jmp    a6 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0xa6>
 27e:	xchg   %ax,%ax
 280:	movzbl (%r14),%eax
 284:	mov    %al,0x0(%r13)
 288:	mov    (%rbx),%r8
 28b:	jmp    c1 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0xc1>
 290:	movzbl 0x0(%r13),%eax
 295:	mov    %al,(%rdi)
 297:	jmp    a6 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0xa6>
 29c:	nopl   0x0(%rax)
 2a0:	movzbl (%rsi),%eax
 2a3:	mov    %al,(%rdi)
 2a5:	jmp    1c3 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x1c3>
 2aa:	nopw   0x0(%rax,%rax,1)
 2b0:	movzbl (%rsi),%eax
 2b3:	mov    %al,(%r8)
 2b6:	jmp    17f <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x17f>
 2bb:	nopl   0x0(%rax,%rax,1)
 2c0:	movzbl (%r14),%eax
 2c4:	mov    %al,(%rdi)
 2c6:	jmp    1bb <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x1bb>
 2cb:	mov    %r12,%rcx
 2ce:	mov    %r10,%rdx
 2d1:	lea    0x0(%rip),%rsi        # 2d8 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2d8>
 2d8:	xor    %eax,%eax
 2da:	lea    0x0(%rip),%rdi        # 2e1 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2e1>
 2e1:	call   2e6 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2e6>
 2e6:	lea    0x0(%rip),%rdi        # 2ed <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2ed>
 2ed:	call   2f2 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2f2>
 2f2:	lea    0x0(%rip),%rdi        # 2f9 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::insert(unsigned long, char const*)+0x2f9>
 2f9:	call   2fe <void evsim::(anonymous namespace)::one_lane<3>(float const*, evsim::(anonymous namespace)::Lane const&, long)+0xee>

Disassembly of section .text._ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE6appendEPKc:

0000000000000000 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)>:
   0:	endbr64
   4:	push   %r15
   6:	push   %r14
   8:	push   %r13
   a:	mov    %rsi,%r13
   d:	push   %r12
   f:	push   %rbp
  10:	push   %rbx
  11:	mov    %rdi,%rbx
  14:	mov    %rsi,%rdi
  17:	sub    $0x18,%rsp
  1b:	call   20 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x20>
  20:	mov    0x8(%rbx),%r14
  24:	mov    %rax,%rbp
  27:	movabs $0x7fffffffffffffff,%rax
  31:	sub    %r14,%rax
  34:	cmp    %rbp,%rax
  37:	jb     1ec <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x1ec>
  3d:	mov    (%rbx),%r12
  40:	lea    0x10(%rbx),%rcx
  44:	lea    (%r14,%rbp,1),%r15
  48:	cmp    %rcx,%r12
  4b:	je     130 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x130>
  51:	mov    0x10(%rbx),%rax
  55:	cmp    %r15,%rax
  58:	jb     a0 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0xa0>
  5a:	test   %rbp,%rbp
  5d:	je     7b <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x7b>
  5f:	lea    (%r12,%r14,1),%rdi
  63:	cmp    $0x1,%rbp
  67:	je     1c0 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x1c0>
  6d:	mov    %rbp,%rdx
  70:	mov    %r13,%rsi
  73:	call   78 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x78>
  78:	mov    (%rbx),%r12
  7b:	mov    %r15,0x8(%rbx)
  7f:	mov    %rbx,%rax
  82:	movb   $0x0,(%r12,%r15,1)
  87:	add    $0x18,%rsp
  8b:	pop    %rbx
  8c:	pop    %rbp
  8d:	pop    %r12
  8f:	pop    %r13
  91:	pop    %r14
  93:	pop    %r15
  95:	ret
  96:	cs nopw 0x0(%rax,%rax,1)
  a0:	test   %r15,%r15
  a3:	js     1f8 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x1f8>
  a9:	add    %rax,%rax
  ac:	mov    %rax,(%rsp)
  b0:	cmp    %rax,%r15
  b3:	jb     1a8 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x1a8>
  b9:	mov    %r15,%rdi
  bc:	inc    %rdi
  bf:	js     1b1 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x1b1>
  c5:	mov    %rcx,(%rsp)
  c9:	call   ce <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0xce>
  ce:	test   %r14,%r14
  d1:	mov    (%rsp),%rcx
  d5:	mov    %r15,(%rsp)
  d9:	mov    %rax,%r12
  dc:	jne    178 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x178>
  e2:	lea    (%r12,%r14,1),%rdi
  e6:	cmp    $0x1,%rbp
  ea:	je     1e0 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x1e0>
  f0:	mov    %rbp,%rdx
  f3:	mov    %r13,%rsi
  f6:	mov    %rcx,0x8(%rsp)
  fb:	call   100 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x100>
 100:	mov    0x8(%rsp),%rcx
 105:	mov    (%rbx),%rdi
 108:	cmp    %rdi,%rcx
 10b:	je     11a <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x11a>
 10d:	mov    0x10(%rbx),%rax
 111:	lea    0x1(%rax),%rsi
 115:	call   11a <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x11a>
 11a:	mov    (%rsp),%rax
 11e:	mov    %r12,(%rbx)
 121:	mov    %rax,0x10(%rbx)
 125:	jmp    7b <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x7b>
 12a:	nopw   0x0(%rax,%rax,1)
 130:	cmp    $0xf,%r15
 134:	jbe    5a <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x5a>
 13a:	test   %r15,%r15
 13d:	js     1f8 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x1f8>
 143:	cmp    $0x1d,%r15
 147:	ja     b9 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0xb9>
 14d:	movq   $0x1e,(%rsp)
 155:	mov    $0x1f,%edi
 15a:	mov    %rcx,0x8(%rsp)
 15f:	call   164 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x164>
 164:	test   %r14,%r14
 167:	mov    0x8(%rsp),%rcx
 16c:	mov    %rax,%r12
 16f:	je     196 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x196>
 171:	nopl   0x0(%rax)
 178:	mov    (%rbx),%rsi
 17b:	cmp    $0x1,%r14
 17f:	je     1d0 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x1d0>
 181:	mov    %r14,%rdx
 184:	mov    %r12,%rdi
 187:	mov    %rcx,0x8(%rsp)
 18c:	call   191 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x191>
 191:	mov    0x8(%rsp),%rcx
 196:	test   %rbp,%rbp
 199:	je     105 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x105>
 19f:	jmp    e2 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0xe2>
 1a4:	nopl   0x0(%rax)
 1a8:	lea    0x1(%rax),%rdi
 1ac:	test   %rax,%rax
 1af:	jns    15a <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x15a>
 1b1:	call   1b6 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x1b6>
 1b6:	cs nopw 0x0(%rax,%rax,1)
 1c0:	movzbl 0x0(%r13),%eax
 1c5:	mov    %al,(%rdi)
 1c7:	mov    (%rbx),%r12
 1ca:	jmp    7b <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x7b>
 1cf:	nop
 1d0:	movzbl (%rsi),%eax
 1d3:	mov    %al,(%r12)
 1d7:	jmp    196 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x196>
 1d9:	nopl   0x0(%rax)
 1e0:	movzbl 0x0(%r13),%eax
 1e5:	mov    %al,(%rdi)
 1e7:	jmp    105 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x105>
 1ec:	lea    0x0(%rip),%rdi        # 1f3 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x1f3>
 1f3:	call   1f8 <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x1f8>
 1f8:	lea    0x0(%rip),%rdi        # 1ff <std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::append(char const*)+0x1ff>
 1ff:	call   204 <.LC9+0x1b4>

Disassembly of section .text.unlikely:

0000000000000000 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]>:
   0:	mov    0xb8(%rsp),%rax
   8:	sub    %fs:0x28,%rax
  11:	jne    d9 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0xd9>
  17:	call   1c <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x1c>
  1c:	mov    $0x10,%edi
  21:	lea    0x50(%rsp),%r13
  26:	call   2b <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x2b>
  2b:	mov    $0x40,%esi
  30:	mov    %r13,%rdi
  33:	mov    %rax,%r12
  36:	call   3b <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x3b>
  3b:	lea    0x0(%rip),%rdx        # 42 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x42>
  42:	xor    %esi,%esi
  44:	mov    %r13,%rdi
  47:	call   4c <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x4c>
  4c:	lea    0x70(%rsp),%r14
  51:	mov    %rax,%rsi
  54:	mov    %r14,%rdi
  57:	call   5c <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x5c>
  5c:	lea    0x0(%rip),%rsi        # 63 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x63>
  63:	mov    %r14,%rdi
  66:	call   6b <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x6b>
  6b:	lea    0x90(%rsp),%r15
  73:	mov    %rax,%rsi
  76:	mov    %r15,%rdi
  79:	call   7e <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x7e>
  7e:	mov    %r15,%rsi
  81:	mov    %r12,%rdi
  84:	call   89 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x89>
  89:	lea    0x0(%rip),%rax        # 90 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x90>
  90:	mov    %r15,%rdi
  93:	mov    %rax,(%r12)
  97:	call   9c <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x9c>
  9c:	mov    %r14,%rdi
  9f:	call   a4 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0xa4>
  a4:	mov    %r13,%rdi
  a7:	call   ac <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0xac>
  ac:	mov    0xb8(%rsp),%rax
  b4:	sub    %fs:0x28,%rax
  bd:	jne    150 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x150>
  c3:	lea    0x0(%rip),%rdx        # ca <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0xca>
  ca:	lea    0x0(%rip),%rsi        # d1 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0xd1>
  d1:	mov    %r12,%rdi
  d4:	call   d9 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0xd9>
  d9:	call   de <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0xde>
  de:	mov    0xb8(%rsp),%rax
  e6:	sub    %fs:0x28,%rax
  ef:	jne    1d1 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x1d1>
  f5:	call   fa <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0xfa>
  fa:	endbr64
  fe:	mov    %r15,%rdi
 101:	mov    %rax,%rbx
 104:	vzeroupper
 107:	call   10c <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x10c>
 10c:	mov    %r14,%rdi
 10f:	call   114 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x114>
 114:	mov    %r13,%rdi
 117:	call   11c <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x11c>
 11c:	mov    %r12,%rdi
 11f:	call   124 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x124>
 124:	mov    0xb8(%rsp),%rax
 12c:	sub    %fs:0x28,%rax
 135:	jne    14b <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x14b>
 137:	mov    %rbx,%rdi
 13a:	call   13f <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x13f>
 13f:	endbr64
 143:	mov    %rax,%rbx
 146:	vzeroupper
 149:	jmp    10c <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x10c>
 14b:	call   150 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x150>
 150:	call   155 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x155>
 155:	mov    0xb8(%rsp),%rax
 15d:	sub    %fs:0x28,%rax
 166:	jne    19b <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x19b>
 168:	call   16d <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x16d>
 16d:	endbr64
 171:	mov    %rax,%r12
 174:	mov    0x8(%rbx),%rax
 178:	test   %rax,%rax
 17b:	jne    1a0 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x1a0>
 17d:	vzeroupper
 180:	mov    0xb8(%rsp),%rax
 188:	sub    %fs:0x28,%rax
 191:	jne    1ae <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x1ae>
 193:	mov    %r12,%rdi
 196:	call   19b <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x19b>
 19b:	call   1a0 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x1a0>
 1a0:	mov    -0x8(%rax),%rdi
 1a4:	vzeroupper
 1a7:	call   1ac <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x1ac>
 1ac:	jmp    180 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x180>
 1ae:	call   1b3 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x1b3>
 1b3:	endbr64
 1b7:	mov    %rax,%rbx
 1ba:	vzeroupper
 1bd:	jmp    114 <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x114>
 1c2:	endbr64
 1c6:	mov    %rax,%rbx
 1c9:	vzeroupper
 1cc:	jmp    11c <evsim::ShortColumns::from_dense(Eigen::Matrix<float, -1, -1, 0, -1, -1> const&) [clone .cold]+0x11c>
 1d1:	call   1d6 <.LC9+0x186>
