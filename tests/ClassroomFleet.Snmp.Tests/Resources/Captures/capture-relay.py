import socket, sys, os, select, time
# UDP relay: listen on 127.0.0.1:LPORT, forward to TARGET, record every datagram both ways into OUTDIR.
lport, thost, tport, outdir, prefix = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
os.makedirs(outdir, exist_ok=True)
front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); front.bind(('127.0.0.1', lport))
back = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); back.bind(('127.0.0.1', 0))
client = None; n = 0
end = time.time() + float(sys.argv[6])
while time.time() < end:
    r, _, _ = select.select([front, back], [], [], 0.2)
    for s in r:
        data, addr = s.recvfrom(65535)
        n += 1
        if s is front:
            client = addr; name = f'{prefix}-{n:03d}-request.bin'; back.sendto(data, (thost, tport))
        else:
            name = f'{prefix}-{n:03d}-response.bin'; front.sendto(data, client)
        open(os.path.join(outdir, name), 'wb').write(data)
