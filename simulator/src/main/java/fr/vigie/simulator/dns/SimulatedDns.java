package fr.vigie.simulator.dns;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An authoritative-style DNS server on 127.0.0.1 (UDP) for the simulated fleet: A records from a table, and
 * faults per name or suffix. Answers may be held back by a delay, as a slow resolver would. Thread-safe.
 */
public final class SimulatedDns implements AutoCloseable {

    private final Map<String, byte[]> records = new ConcurrentHashMap<>();
    private final Map<String, DnsFault> faults = new ConcurrentHashMap<>();
    private volatile long delayMillis;
    /** seconds resolvers may cache an answer; short, so that a fault shows within a few probe rounds */
    private volatile long ttlSeconds = 5;
    private final EventLoopGroup group;
    private final Channel channel;

    private SimulatedDns(Map<String, String> names) throws InterruptedException {
        names.forEach(this::put);
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(),
                                new Answerer());
                    }
                });
        this.channel = bootstrap.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    /** Starts a server answering {@code names} (name -> IPv4 literal) on a free loopback UDP port. */
    public static SimulatedDns start(Map<String, String> names) {
        try {
            return new SimulatedDns(names);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the simulated DNS server", e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** {@code host:port} as written in {@code probing.dns-servers}. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    public void put(String name, String ipv4) {
        try {
            InetAddress address = InetAddress.getByName(ipv4);
            if (address.getAddress().length != 4) {
                throw new IllegalArgumentException("not an IPv4 literal: " + ipv4);
            }
            records.put(normalise(name), address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 literal: " + ipv4, e);
        }
    }

    /** Every answer is sent this long after its query arrived (zero: at once). */
    public void delay(Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    /** How long resolvers may cache an answer (zero: every lookup asks again). */
    public void ttl(Duration ttl) {
        this.ttlSeconds = ttl.toSeconds();
    }

    /** {@code suffix} and every name under it ("ovh.vigie.test" covers "ent.ovh.vigie.test") misbehave so. */
    public void fail(String suffix, DnsFault fault) {
        faults.put(normalise(suffix), fault);
    }

    /** Back to normal for that suffix. */
    public void heal(String suffix) {
        faults.remove(normalise(suffix));
    }

    private DnsFault faultFor(String name) {
        for (Map.Entry<String, DnsFault> f : faults.entrySet()) {
            if (name.equals(f.getKey()) || name.endsWith("." + f.getKey())) {
                return f.getValue();
            }
        }
        return null;
    }

    private static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Answers one query: the record, NXDOMAIN for unknown names, or the fault in force. */
    private final class Answerer extends SimpleChannelInboundHandler<DatagramDnsQuery> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
            DnsQuestion question = query.recordAt(DnsSection.QUESTION);
            if (question == null) {
                return;
            }
            String name = normalise(question.name());
            DnsFault fault = faultFor(name);
            if (fault == DnsFault.SILENT) {
                return;
            }
            DatagramDnsResponse response = new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
            response.setRecursionDesired(query.isRecursionDesired()).setRecursionAvailable(true);
            response.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(question.name(), question.type()));
            byte[] ip = records.get(name);
            if (fault == DnsFault.SERVFAIL) {
                response.setCode(DnsResponseCode.SERVFAIL);
            } else if (fault == DnsFault.NXDOMAIN || ip == null) {
                response.setCode(DnsResponseCode.NXDOMAIN);
            } else if (question.type() == DnsRecordType.A) {
                response.addRecord(DnsSection.ANSWER, new DefaultDnsRawRecord(question.name(), DnsRecordType.A,
                        ttlSeconds, Unpooled.wrappedBuffer(ip)));
            } // other types (AAAA...) for a known name: an empty NOERROR answer
            long delay = delayMillis;
            if (delay > 0) {
                ctx.executor().schedule(() -> ctx.writeAndFlush(response), delay, TimeUnit.MILLISECONDS);
            } else {
                ctx.writeAndFlush(response);
            }
        }
    }
}
