import hashlib, subprocess, sys
def tlv(b, i):
    t=b[i]; l=b[i+1]; i+=2
    if l & 0x80:
        n=l&0x7f; l=int.from_bytes(b[i:i+n],'big'); i+=n
    return t, b[i:i+l], i+l
def seq(b):
    out=[]; i=0
    while i < len(b):
        t,v,i=tlv(b,i); out.append((t,v))
    return out
def parse(path):
    b=open(path,'rb').read()
    _,msg,_=tlv(b,0); f=seq(msg)
    usm=seq(seq(f[2][1])[0][1]) if False else seq(tlv(f[2][1],0)[1])
    engine=usm[0][1]; boots=int.from_bytes(usm[1][1],'big'); time=int.from_bytes(usm[2][1],'big'); salt=usm[5][1]
    return engine,boots,time,salt,f[3][1]
H={'MD5':hashlib.md5,'SHA':hashlib.sha1,'SHA-256':hashlib.sha256}
def ku(h,pw):
    pw=pw.encode(); buf=(pw*(1048576//len(pw)+1))[:1048576]; return H[h](buf).digest()
def kul(h,pw,e):
    k=ku(h,pw); return H[h](k+e+k).digest()
for name,h,bits in [('shaaes256','SHA',256),('md5aes192','MD5',192),('sha256aes256','SHA-256',256)]:
    e,boots,time,salt,enc=parse(f'snmpd-v3-{name}-004-response.bin')
    k=kul(h,'privpass123',e)
    while len(k) < bits//8: k=k+H[h](k).digest()   # draft-blumenthal-aes-usm-04 3.1.2.1
    k=k[:bits//8]
    iv=boots.to_bytes(4,'big')+time.to_bytes(4,'big')+salt
    pt=subprocess.run(['openssl','enc',f'-aes-{bits}-cfb','-d','-K',k.hex(),'-iv',iv.hex(),'-nopad'],input=enc,capture_output=True).stdout
    print(name, 'engine', e.hex(), 'privkey', k.hex(), 'plain-has-sysName', b'cf-capture-snmpd' in pt or b'cf-test-snmpd' in pt)
