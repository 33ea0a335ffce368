import numpy as np, math
np.set_printoptions(precision=17)

def ras(A, u, v, tol=1e-15, maxit=100000):
    """Classic RAS (Miller & Blair 2009 §7.4): rows then columns."""
    r = np.ones(A.shape[0]); s = np.ones(A.shape[1])
    for it in range(maxit):
        X = r[:,None]*A*s[None,:]
        res = max(np.max(np.abs(X.sum(1)-u)/np.abs(u)), np.max(np.abs(X.sum(0)-v)/np.abs(v)))
        if res < tol: break
        r = u / (A @ s)
        s = v / (A.T @ r)
    return r[:,None]*A*s[None,:], r, s, it

def gras(A, u, v, tol=1e-15, maxit=100000):
    """GRAS per Junius & Oosterhaven (2003) with Lenzen et al. (2007) / Temurshoev et al.
    (2013): r_i = (u_i + sqrt(u_i^2 + 4 p_i(s) n_i(1/s))) / (2 p_i(s)), r_i = -n_i/u_i if p_i = 0.
    Rows then columns. Dense; no zero-target handling (not needed for these examples)."""
    P = np.where(A > 0, A, 0.0); N = np.where(A < 0, -A, 0.0)
    r = np.ones(A.shape[0]); s = np.ones(A.shape[1])
    def X(): return r[:,None]*P*s[None,:] - N/(r[:,None]*s[None,:])
    def upd(t, p, n):
        with np.errstate(divide='ignore', invalid='ignore'):
            m = (t + np.sqrt(t*t + 4*p*n)) / (2*p)
            return np.where(p == 0, -n/t, m)
    for it in range(maxit):
        x = X()
        res = max(np.max(np.abs(x.sum(1)-u)/np.abs(u)), np.max(np.abs(x.sum(0)-v)/np.abs(v)))
        if res < tol: break
        r = upd(u, P @ s, N @ (1/s))
        s = upd(v, P.T @ r, N.T @ (1/r))
    return X(), r, s, it

print("== Miller & Blair 2009 §7.4.2 RAS example (inputs via GAMS model library IOBALANCE)")
A0 = np.array([[.120,.100,.049],[.210,.247,.265],[.026,.249,.145]])
x1 = np.array([421.,284.,283.])
Z1 = np.array([[98,72,75],[65,8,63],[88,27,44]], float)
u = Z1.sum(1); v = Z1.sum(0); print("u", u, "v", v)
Z0 = A0 * x1[None,:]
X, r, s, it = ras(Z0, u, v); print("RAS iterations", it); print(repr(X)); print("r", repr(r)); print("s", repr(s))
print("A = X / x1:"); print(repr(X / x1[None,:]))
Xg, rg, sg, itg = gras(Z0, u, v); print("GRAS==RAS max abs diff", np.max(np.abs(Xg-X)))

print("== Temurshoev, Miller & Bouwmeester (2013) example")
T0 = np.array([[7,3,5,-3],[2,9,8,1],[-2,0,2,1]], float)
tu = np.array([15,26,-1.]); tv = np.array([9,16,17,-2.])
X, r, s, it = gras(T0, tu, tv); print("GRAS iterations", it); print(repr(X)); print("r", repr(r)); print("s", repr(s))

print("== own GRAS example with a subsidies-like negative row and negative inventory column")
G0 = np.array([[30, 12,  5, 40, -3],
               [ 8, 25, 14, 22,  4],
               [ 6,  9, 18, 30, -6],
               [-2, -4, -1,  5,  0]], float)
gu = np.array([90, 80, 50, -1.]); gv = np.array([45, 40, 35, 100, -1.])
print("sum u", gu.sum(), "sum v", gv.sum())
X, r, s, it = gras(G0, gu, gv); print("GRAS iterations", it); print(repr(X)); print("r", repr(r)); print("s", repr(s))
print("rowsum", X.sum(1), "colsum", X.sum(0))

print("== LQ hand example: lambda*")
lam = math.log2(1 + 100/1000) ** 0.3
print("log2(1.1)", repr(math.log2(1.1)), "lambda*(0.3)", repr(lam), "log2(8/3)", repr(math.log2(8/3)))
