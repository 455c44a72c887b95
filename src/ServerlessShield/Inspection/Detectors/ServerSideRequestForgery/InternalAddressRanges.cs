namespace ServerlessShield;

/// <summary>
/// The address ranges a server must never be made to call on a user's behalf: this host, the local network,
/// link-local (where the cloud metadata services live) and the special ranges cloud providers use for them.
/// </summary>
internal static class InternalAddressRanges
{
    public static bool IsInternal(uint a) =>
        (a >> 24) == 0                          // 0.0.0.0/8 ("this network"; 0.0.0.0 reaches localhost)
        || (a >> 24) == 10                      // 10.0.0.0/8 private
        || (a >> 24) == 127                     // 127.0.0.0/8 loopback
        || (a >> 22) == (100u << 2 | 1)         // 100.64.0.0/10 carrier-grade NAT (Alibaba metadata 100.100.100.200)
        || (a >> 16) == (169u << 8 | 254)       // 169.254.0.0/16 link-local (AWS, GCP, Azure, OpenStack metadata)
        || (a >> 20) == (172u << 4 | 1)         // 172.16.0.0/12 private
        || (a >> 16) == (192u << 8 | 168)       // 192.168.0.0/16 private
        || (a >> 8) == (192u << 16);            // 192.0.0.0/24 IETF assignments (Oracle metadata 192.0.0.192)

    public static bool IsInternal(ReadOnlySpan<byte> a)
    {
        var zeroPrefix = a[..10].IndexOfAnyExcept((byte)0) < 0;
        if (zeroPrefix && a[10] == 0 && a[11] == 0)
        {
            // :: and ::1, or an IPv4-compatible address ::a.b.c.d.
            return a[12..].IndexOfAnyExcept((byte)0) < 0 || (a[12] == 0 && a[13] == 0 && a[14] == 0 && a[15] == 1) || IsInternal(V4(a[12..]));
        }

        if (zeroPrefix && a[10] == 0xFF && a[11] == 0xFF)
        {
            return IsInternal(V4(a[12..])); // ::ffff:a.b.c.d, IPv4-mapped
        }

        if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B && a[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return IsInternal(V4(a[12..])); // 64:ff9b::/96, NAT64
        }

        if (a[0] == 0x20 && a[1] == 0x02)
        {
            return IsInternal(V4(a[2..6])); // 2002::/16, 6to4 carries an IPv4 address
        }

        return (a[0] & 0xFE) == 0xFC            // fc00::/7 unique local (AWS metadata fd00:ec2::254)
            || (a[0] == 0xFE && (a[1] & 0xC0) == 0x80)   // fe80::/10 link-local
            || (a[0] == 0xFE && (a[1] & 0xC0) == 0xC0);  // fec0::/10 site-local (deprecated, still routed by some stacks)
    }

    private static uint V4(ReadOnlySpan<byte> b) => (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
}
